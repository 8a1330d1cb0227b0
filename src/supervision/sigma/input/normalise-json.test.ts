import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonShapeOf, normaliseJson } from './normalise-json.js';
import { isObject } from './normalised.js';

const fixtures = new URL('../../../../test/fixtures/sigma/input/', import.meta.url);
function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));
}
function normalise(value: unknown) {
  const n = normaliseJson(value);
  if (n === undefined) throw new Error('not normalised');
  return n;
}

describe('EVTX XML-as-JSON rendering (SigmaHQ regression files)', () => {
  it('flattens System and EventData of a Sysmon event', () => {
    const n = normalise(fixture('regression/sysmon-image-load.json'));
    expect(n.source).toEqual({
      product: 'windows',
      channel: 'Microsoft-Windows-Sysmon/Operational',
      provider: 'Microsoft-Windows-Sysmon',
      eventId: 7,
    });
    expect(n.time).toBe(Date.UTC(2025, 10, 27, 7, 40, 10, 165));
    expect(n.event).toMatchObject({
      EventID: 7,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Provider_Name: 'Microsoft-Windows-Sysmon',
      Computer: 'swachchhanda',
      Security_UserID: 'S-1-5-18',
      EventRecordID: 571146,
      Image: 'C:\\Windows\\System32\\WerFaultSecure.exe',
      ImageLoaded: 'C:\\Windows\\System32\\dbgcore.dll',
      ProcessId: 4460,
      Signed: 'true',
    });
    expect(Object.keys(n.event)).not.toContain('EventData');
  });

  it('strips spaces from EventData names (Defender "Threat Name")', () => {
    const n = normalise(fixture('regression/defender-spaces.json'));
    expect(n.event.ThreatName).toBe('Tool:Win32/EICAR_Test_File');
    expect(n.event['Threat Name']).toBeUndefined();
    expect(n.event.EventID).toBe(1119);
    expect(n.source.channel).toBe('Microsoft-Windows-Windows Defender/Operational');
  });

  it('flattens UserData to leaf names', () => {
    const n = normalise(fixture('regression/wmi-userdata.json'));
    expect(n.event).toMatchObject({
      EventID: 5858,
      User: 'swachchhanda\\xodih',
      ClientProcessId: 25920,
      ResultCode: '0x80041003',
      PossibleCause: 'Unknown',
    });
    expect(String(n.event.Operation)).toContain('cleareventlog');
    expect(n.event.xmlns).toBeUndefined();
  });

  it('ignores the EventData #attributes', () => {
    const n = normalise(fixture('regression/taskscheduler-attributes.json'));
    expect(n.event.TaskName).toBe('\\Microsoft\\Windows\\SystemRestore\\SR');
    expect(n.event.UserName).toBe('System');
    expect(n.event.Name).toBeUndefined();
    expect(n.source.eventId).toBe(142);
  });

  it('reads Data items named by attribute, unnamed Data and #text event ids', () => {
    const n = normalise({
      Event: {
        System: {
          Provider: { '#attributes': { Name: 'Microsoft-Windows-Security-Auditing' } },
          EventID: { '#attributes': { Qualifiers: '' }, '#text': '4688' },
          Channel: 'Security',
        },
        EventData: {
          Data: [
            { '#attributes': { Name: 'NewProcessName' }, '#text': 'C:\\x.exe' },
            { '#attributes': { Name: 'Target User Name' }, '#text': 'bob' },
            { '#attributes': { Name: 'Empty' } },
          ],
        },
      },
    });
    expect(n.event).toEqual({
      EventID: 4688,
      Channel: 'Security',
      Provider_Name: 'Microsoft-Windows-Security-Auditing',
      NewProcessName: 'C:\\x.exe',
      TargetUserName: 'bob',
      Empty: null,
    });
    const unnamed = normalise({
      Event: { System: { EventID: 1 }, EventData: { Data: ['a', 'b'] } },
    });
    expect(unnamed.event.Data).toEqual(['a', 'b']);
    expect(unnamed.source).toEqual({ product: 'windows', eventId: 1 });
  });

  it('routes Sysmon for Linux to product linux', () => {
    const n = normalise({ Event: { System: { EventID: 1, Channel: 'Linux-Sysmon/Operational' } } });
    expect(n.source.product).toBe('linux');
  });
});

describe('flat exports (Security-Datasets)', () => {
  const lines = readFileSync(new URL('security-datasets/bitsadmin-sample.json', fixtures), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);

  it('recognises the shape and completes Provider_Name and Computer', () => {
    const n = normalise(lines[2]);
    expect(isObject(lines[2]) && jsonShapeOf(lines[2])).toBe('windows-flat');
    expect(n.source).toEqual({
      product: 'windows',
      channel: 'Security',
      provider: 'Microsoft-Windows-Security-Auditing',
      eventId: 4688,
    });
    expect(n.event).toMatchObject({
      EventID: 4688,
      Provider_Name: 'Microsoft-Windows-Security-Auditing',
      Computer: 'WORKSTATION5',
      NewProcessName: 'C:\\Windows\\System32\\bitsadmin.exe',
      ParentProcessName: 'C:\\Windows\\System32\\cmd.exe',
    });
    expect(n.time).toBe(Date.UTC(2020, 9, 23, 2, 36, 43, 542));
  });

  it('reads Sysmon lines', () => {
    const n = normalise(lines[3]);
    expect(n.source.eventId).toBe(10);
    expect(n.source.channel).toBe('Microsoft-Windows-Sysmon/Operational');
  });

  it('converts string event ids and strips spaces from keys', () => {
    const n = normalise({ EventID: '4624', Channel: 'security', 'Logon Type': '3' });
    expect(n.event).toEqual({ EventID: 4624, Channel: 'security', LogonType: '3' });
    expect(n.source).toEqual({ product: 'windows', channel: 'security', eventId: 4624 });
  });
});

describe('Winlogbeat / ECS', () => {
  const nested = {
    '@timestamp': '2021-01-02T03:04:05.000Z',
    event: { code: '1' },
    host: { name: 'ws1' },
    process: { executable: 'C:\\a.exe' },
    winlog: {
      channel: 'Microsoft-Windows-Sysmon/Operational',
      event_id: 1,
      provider_name: 'Microsoft-Windows-Sysmon',
      event_data: { Image: 'C:\\a.exe', CommandLine: 'a -x', 'Some Field': 'v' },
      user_data: { Outer: { Inner: 'deep' } },
    },
  };

  it('lifts winlog.event_data and keeps other ECS fields dotted', () => {
    const n = normalise(nested);
    expect(n.event).toMatchObject({
      EventID: 1,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Provider_Name: 'Microsoft-Windows-Sysmon',
      Computer: 'ws1',
      Image: 'C:\\a.exe',
      CommandLine: 'a -x',
      SomeField: 'v',
      Inner: 'deep',
      'process.executable': 'C:\\a.exe',
      'event.code': '1',
    });
    expect(n.source).toEqual({
      product: 'windows',
      channel: 'Microsoft-Windows-Sysmon/Operational',
      provider: 'Microsoft-Windows-Sysmon',
      eventId: 1,
    });
    expect(n.time).toBe(Date.UTC(2021, 0, 2, 3, 4, 5));
  });

  it('reads the already-dotted form and event.code', () => {
    const n = normalise({
      'winlog.channel': 'Security',
      'event.code': '4688',
      'winlog.event_data.NewProcessName': 'x',
    });
    expect(n.event).toMatchObject({ EventID: 4688, Channel: 'Security', NewProcessName: 'x' });
  });
});

describe('other JSON', () => {
  it('recognises CloudTrail and flattens it', () => {
    const n = normalise({
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      awsRegion: 'eu-west-1',
      eventTime: '2020-09-14T01:19:40Z',
      requestParameters: { bucketName: 'b' },
    });
    expect(n.source).toEqual({ product: 'aws', service: 'cloudtrail' });
    expect(n.event['requestParameters.bucketName']).toBe('b');
    expect(n.time).toBe(Date.UTC(2020, 8, 14, 1, 19, 40));
  });

  it('keeps a flat generic object as is, with an unknown source', () => {
    const value = { a: 1, b: 'x' };
    const n = normalise(value);
    expect(n.event).toBe(value);
    expect(n.source).toEqual({});
  });

  it('refuses what is not an object', () => {
    expect(normaliseJson([1])).toBeUndefined();
    expect(normaliseJson('x')).toBeUndefined();
    expect(normaliseJson(null)).toBeUndefined();
  });
});
