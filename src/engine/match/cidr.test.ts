import { describe, expect, it } from 'vitest';
import { cidrContains, cidrError, compareCidr, ipInCidr, isPrivateNetwork, parseCidr } from './cidr.ts';

describe('cidr', () => {
  it('parses strictly, like ipaddress.ip_network', () => {
    expect(cidrError('10.244.0.0/16')).toBeNull();
    expect(cidrError('192.168.1.7')).toBeNull(); // bare address = /32
    expect(cidrError('10.244.1.7/24')).toMatch(/host bits set/);
    expect(cidrError('10.0.0.0/33')).toMatch(/prefix longer/);
    expect(cidrError('not-an-ip/8')).toMatch(/not a valid/);
    expect(cidrError('2001:db8::/32')).toBeNull();
    expect(cidrError('2001:db8::1/32')).toMatch(/host bits/);
    expect(cidrError('10.0.0.0/8/8')).toMatch(/not a valid CIDR/);
    expect(parseCidr('010.1.1.1/32')).toBeNull();
  });

  it('tests address membership for IPv4 and IPv6', () => {
    expect(ipInCidr('10.244.7.16', '10.244.0.0/16')).toBe(true);
    expect(ipInCidr('10.245.7.16', '10.244.0.0/16')).toBe(false);
    expect(ipInCidr('2001:db8::5', '2001:db8::/32')).toBe(true);
    expect(ipInCidr('10.0.0.1', '2001:db8::/32')).toBe(false);
  });

  it('honours except', () => {
    const block = { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] };
    expect(cidrContains(block, '10.2.0.0/16')).toBe(true);
    expect(cidrContains(block, '10.1.2.0/24')).toBe(false);
    expect(cidrContains(block, '10.0.0.0/7')).toBe(false);
    expect(cidrContains({ cidr: '0.0.0.0/0' }, '8.8.8.8/32')).toBe(true);
  });

  it('knows private ranges as Python 3.11 does', () => {
    expect(isPrivateNetwork('10.1.2.3')).toBe(true);
    expect(isPrivateNetwork('192.168.0.0/16')).toBe(true);
    expect(isPrivateNetwork('8.8.8.8/32')).toBe(false);
    expect(isPrivateNetwork('fd00::1')).toBe(true);
    expect(isPrivateNetwork('2606:4700::1111')).toBe(false);
  });

  it('orders IPv4 before IPv6, numerically, shorter prefix first', () => {
    const list = ['2001:db8::/32', '10.244.7.110/32', '10.244.7.16/32', '10.0.0.0/8', '10.0.0.0/16'];
    expect([...list].sort(compareCidr)).toEqual([
      '10.0.0.0/8', '10.0.0.0/16', '10.244.7.16/32', '10.244.7.110/32', '2001:db8::/32',
    ]);
  });
});
