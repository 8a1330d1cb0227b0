/**
 * Built-in pipeline `windows-security`: reads process_creation rules (written with Sysmon names)
 * from Security event 4688, whose fields are named differently. Shipped as a TS module.
 */
export const WINDOWS_SECURITY_PIPELINE_YAML = `name: windows-security
priority: 20
description: Security audit events (4688 process creation) under Sigma's Sysmon field names.
transformations:
  - id: process_creation_4688
    type: field_name_mapping
    mapping:
      Image: NewProcessName
      ParentImage: ParentProcessName
      ProcessId: NewProcessId
      ParentProcessId: ProcessId
      User: SubjectUserName
      LogonId: SubjectLogonId
      IntegrityLevel: MandatoryLabel
    rule_conditions:
      - type: logsource
        product: windows
        category: process_creation
`;
