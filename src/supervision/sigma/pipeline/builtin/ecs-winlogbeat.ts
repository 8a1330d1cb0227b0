/**
 * Built-in pipeline `ecs-winlogbeat`: Sigma's Sysmon field names → Elastic Common Schema names,
 * for events that carry ECS fields only (Elastic Agent, Winlogbeat with ECS processors). Events
 * with \`winlog.event_data.*\` need no pipeline: the normaliser already lifts those fields.
 * Shipped as a TS module.
 */
export const ECS_WINLOGBEAT_PIPELINE_YAML = `name: ecs-winlogbeat
priority: 20
description: Windows events in Elastic Common Schema (process.executable, file.path…).
transformations:
  - id: ecs_common
    type: field_name_mapping
    mapping:
      EventID: winlog.event_id
      Channel: winlog.channel
      Provider_Name: winlog.provider_name
      Computer: host.name
    rule_conditions:
      - type: logsource
        product: windows
  - id: ecs_image_load
    type: field_name_mapping
    mapping:
      ImageLoaded: dll.path
      Signed: dll.code_signature.signed
      Signature: dll.code_signature.subject_name
    rule_conditions:
      - type: logsource
        product: windows
        category: image_load
  - id: ecs_driver_load
    type: field_name_mapping
    mapping:
      ImageLoaded: file.path
      Signature: file.code_signature.subject_name
    rule_conditions:
      - type: logsource
        product: windows
        category: driver_load
  - id: ecs_process_access
    type: field_name_mapping
    mapping:
      SourceImage: process.executable
    rule_conditions:
      - type: logsource
        product: windows
        category: process_access
  - id: ecs_process
    type: field_name_mapping
    mapping:
      Image: process.executable
      CommandLine: process.command_line
      ProcessId: process.pid
      CurrentDirectory: process.working_directory
      OriginalFileName: process.pe.original_file_name
      Description: process.pe.description
      Product: process.pe.product
      Company: process.pe.company
      ParentImage: process.parent.executable
      ParentCommandLine: process.parent.command_line
      ParentProcessId: process.parent.pid
      User: user.name
      TargetFilename: file.path
      TargetObject: registry.path
      Details: registry.data.strings
      DestinationIp: destination.ip
      DestinationPort: destination.port
      DestinationHostname: destination.domain
      SourceIp: source.ip
      SourcePort: source.port
      Protocol: network.transport
      QueryName: dns.question.name
      PipeName: file.name
      ScriptBlockText: powershell.file.script_block_text
    rule_conditions:
      - type: logsource
        product: windows
`;
