import { describe, expect, it } from 'vitest';
import { parseAccessLogLine } from './access-log.js';
import { parseAuditdLine } from './auditd.js';
import { CsvAssembler } from './csv.js';
import { linuxServiceOf, parseSyslogLine } from './syslog.js';

describe('syslog', () => {
  it('parses RFC 3164 with PRI', () => {
    const n = parseSyslogLine(
      "<38>Oct 11 22:14:15 mymachine su[230]: 'su root' failed for lonvick",
      2023,
    );
    expect(n?.event).toEqual({
      facility: 'auth',
      severity: 'info',
      host: 'mymachine',
      program: 'su',
      pid: 230,
      message: "'su root' failed for lonvick",
    });
    expect(n?.source).toEqual({ product: 'linux', service: 'auth' });
    expect(n?.time).toBe(Date.UTC(2023, 9, 11, 22, 14, 15));
  });

  it('parses RFC 5424 with structured data', () => {
    const line =
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Appli\\"cation"] An application event';
    const n = parseSyslogLine(line, 2023);
    expect(n?.event).toEqual({
      facility: 'local4',
      severity: 'notice',
      host: 'mymachine.example.com',
      program: 'evntslog',
      msgid: 'ID47',
      'exampleSDID@32473.iut': '3',
      'exampleSDID@32473.eventSource': 'Appli"cation',
      message: 'An application event',
    });
    expect(n?.time).toBe(Date.UTC(2003, 9, 11, 22, 14, 15, 3));
    expect(n?.source).toEqual({ product: 'linux', service: 'syslog' });
  });

  it('parses RFC 5424 without structured data and with a pid', () => {
    const n = parseSyslogLine('<86>1 2024-01-01T00:00:00Z h sshd 42 - - Accepted publickey', 2023);
    expect(n?.event).toEqual({
      facility: 'authpriv',
      severity: 'info',
      host: 'h',
      program: 'sshd',
      pid: 42,
      message: 'Accepted publickey',
    });
    expect(n?.source.service).toBe('sshd');
  });

  it('parses RFC 3339 timestamps (rsyslog high precision) and lines without tag', () => {
    const n = parseSyslogLine(
      '2024-05-06T07:08:09.123456+02:00 box kernel: [1.2] usb 1-1: new device',
      2000,
    );
    expect(n?.event).toEqual({
      host: 'box',
      program: 'kernel',
      message: '[1.2] usb 1-1: new device',
    });
    expect(n?.time).toBe(Date.UTC(2024, 4, 6, 5, 8, 9, 123));
    expect(parseSyslogLine('Jan  1 00:00:00 host just text', 2020)?.event).toEqual({
      host: 'host',
      message: 'just text',
    });
  });

  it('rejects other lines', () => {
    expect(parseSyslogLine('hello', 2020)).toBeUndefined();
    expect(parseSyslogLine('', 2020)).toBeUndefined();
  });

  it('maps programs to Sigma services', () => {
    expect(
      ['sshd', 'sudo', 'CRON', 'clamd', 'login', 'kernel'].map((p) => linuxServiceOf(p)),
    ).toEqual(['sshd', 'sudo', 'cron', 'clamav', 'auth', 'syslog']);
    expect(linuxServiceOf('anything', 'authpriv')).toBe('auth');
  });
});

describe('auditd', () => {
  it('parses a SYSCALL record', () => {
    const n = parseAuditdLine(
      'type=SYSCALL msg=audit(1604994496.155:92733): arch=c000003e syscall=59 success=yes comm="arp" exe="/usr/sbin/arp" key=(null)',
    );
    expect(n?.event).toEqual({
      type: 'SYSCALL',
      serial: 92733,
      arch: 'c000003e',
      syscall: '59',
      success: 'yes',
      comm: 'arp',
      exe: '/usr/sbin/arp',
      key: '(null)',
    });
    expect(n?.time).toBe(1604994496155);
  });

  it('unfolds the user message of USER_* records and keeps the node', () => {
    const n = parseAuditdLine(
      'node=srv type=USER_AUTH msg=audit(1.5:7): pid=1 uid=0 msg=\'op=PAM:authentication acct="root" exe="/usr/sbin/sshd" res=failed\'',
    );
    expect(n?.event).toEqual({
      node: 'srv',
      type: 'USER_AUTH',
      serial: 7,
      pid: '1',
      uid: '0',
      op: 'PAM:authentication',
      acct: 'root',
      exe: '/usr/sbin/sshd',
      res: 'failed',
    });
    expect(parseAuditdLine('type=X nothing')).toBeUndefined();
  });
});

describe('access log', () => {
  it('parses the combined log format into webserver fields', () => {
    const n = parseAccessLogLine(
      '192.0.2.7 - frank [10/Oct/2000:13:55:36 -0700] "GET /cgi-bin/a.php?cmd=id&x=1 HTTP/1.1" 200 2326 "http://ref/" "curl/8.0 \\"x\\""',
    );
    expect(n?.event).toEqual({
      'c-ip': '192.0.2.7',
      'cs-username': 'frank',
      'cs-method': 'GET',
      'cs-uri': '/cgi-bin/a.php?cmd=id&x=1',
      'cs-uri-stem': '/cgi-bin/a.php',
      'cs-uri-query': 'cmd=id&x=1',
      'cs-version': 'HTTP/1.1',
      'sc-status': 200,
      'sc-bytes': 2326,
      'cs-referer': 'http://ref/',
      'cs-user-agent': 'curl/8.0 "x"',
    });
    expect(n?.source).toEqual({ category: 'webserver' });
    expect(n?.time).toBe(Date.UTC(2000, 9, 10, 20, 55, 36));
  });

  it('parses the common log format and odd requests', () => {
    const n = parseAccessLogLine('::1 - - [01/Jan/2024:00:00:00 +0000] "\\x16\\x03" 400 -');
    expect(n?.event).toEqual({ 'c-ip': '::1', 'cs-uri': '\\x16\\x03', 'sc-status': 400 });
    expect(parseAccessLogLine('nope')).toBeUndefined();
  });
});

describe('CSV assembly', () => {
  it('handles quotes, doubled quotes, empty fields and multi-line fields', () => {
    const csv = new CsvAssembler();
    expect(csv.push('a,"b,c",,"d""e"')).toEqual(['a', 'b,c', '', 'd"e']);
    expect(csv.push('x,"first')).toBeUndefined();
    expect(csv.isOpen).toBe(true);
    expect(csv.push('second",y')).toEqual(['x', 'first\nsecond', 'y']);
    expect(csv.push('a"b,c')).toEqual(['a"b', 'c']);
    expect(csv.isOpen).toBe(false);
  });
});
