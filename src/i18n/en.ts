/** English messages: the reference catalogue. Every key must exist in `fr.ts` too. */
export const en = {
  'type.null': 'nothing (null)',
  'type.list': 'a list',
  'type.string': 'a string',
  'type.integer': 'an integer',
  'type.number': 'a number',
  'type.boolean': 'a boolean (true/false)',
  'type.mapping': 'a mapping (key: value)',
  'format.id': 'kebab-case identifier (lowercase letters, digits and dashes, e.g. srv-erp)',
  'format.duration': 'duration (e.g. 30min, 4h, 2d, 1w, 3mo, 1y)',
  'format.finding': 'finding id (ruleId@subjectId)',
  'format.country': 'two-letter country code (e.g. FR)',
  'format.iso27002': 'ISO 27002 control (e.g. 8.15)',
  'format.date': 'ISO date (YYYY-MM-DD)',
  'format.email': 'e-mail address',
  'format.ip': 'IP address',
  'format.cidr': 'network in CIDR notation (e.g. 10.0.0.0/24)',
  'hint.did-you-mean': ' (did you mean "{suggestion}"?)',
  'hint.write-for-example': '; write for example {example}',
  'hint.list-items': '; start each item of the list with "- " on its own line',
  'hint.required-keys': ' (required: {keys})',
  'hint.yaml-colon-in-value':
    'Hint: the value contains ": ", which YAML takes for the start of another key; put the whole value in quotes: {fix}',
  'hint.yaml-tab-indent':
    'Hint: the line is indented with a tab; YAML indents with spaces only, so replace the tabs with spaces.',
  'hint.yaml-reserved-start':
    'Hint: an unquoted value cannot start with "{character}" (YAML reserves it); put the whole value in quotes: {fix}',
  'word.or': ' or ',
  'kind.site': 'site',
  'kind.zone': 'zone',
  'kind.asset': 'asset',
  'kind.data': 'data set',
  'kind.flow': 'flow',
  'kind.identity': 'identity',
  'kind.process': 'process',
  'kind.backup': 'backup',
  'kind.measure': 'measure',
  'kind.decision': 'risk decision',
  'severity.error': 'error',
  'severity.warning': 'warning',
  'severity.info': 'info',

  'diag.file-unreadable': 'Cannot read the file: {detail}.',
  'diag.path-not-found': 'No such file or directory.',
  'diag.no-model-files': 'No YAML file (.yaml, .yml) found in this directory.',
  'diag.too-many-files': 'Too many model files ({count}); the limit is {limit}.',
  'diag.file-too-large': 'The file is too large ({size} MB); the limit is {limit} MB.',
  'diag.yaml-syntax': 'YAML syntax error: {detail}.',
  'diag.references-not-checked':
    'Not checked because {file} has a syntax error: {count} reference(s) to ids written in that file ({ids}). Fix the syntax error, then validate again.',
  'diag.references-not-checked-unparsed':
    'Not checked because {file} could not be read: {count} reference(s) to ids written in that file ({ids}).',
  'diag.yaml-multiple-documents':
    'A model file holds one YAML document; split the documents into separate files.',
  'diag.yaml-alias-bomb':
    'YAML aliases expand to more than {limit} extra nodes: refused as a resource-exhaustion attack ("billion laughs").',
  'diag.not-a-mapping':
    'A model file must be a mapping of sections (organisation, zones, assets…), not {received}.',
  'diag.schema-unknown-key': 'Unknown property "{key}"{hint}.',
  'diag.schema-required': 'Missing required property "{property}".',
  'diag.schema-type': 'Expected {expected}, found {received}.',
  'diag.schema-enum': 'Invalid value "{value}"{hint}; expected one of: {options}.',
  'diag.schema-enum-near':
    'Invalid value "{value}"{hint}; the closest of the {count} allowed values are: {options}.',
  'diag.schema-type-mapping':
    'Expected a mapping with keys {keys}{required}, found {received}{example}.',
  'diag.schema-type-list': 'Expected a list, found {received}{example}.',
  'diag.schema-format': '"{value}" is not a valid {format}.',
  'diag.schema-invalid': 'Invalid value: {detail}.',
  'diag.schema-items-min': 'The list needs at least {limit} item(s).',
  'diag.schema-items-max': 'The list holds more than {limit} items.',
  'diag.schema-length-min': 'The text needs at least {limit} character(s).',
  'diag.schema-length-max': 'The text is longer than {limit} characters.',
  'diag.schema-number-min': '{value} is below the minimum of {limit}.',
  'diag.schema-number-max': '{value} is above the maximum of {limit}.',
  'diag.duplicate-organisation': 'The organisation is defined twice (also at {other}).',
  'diag.duplicate-id': 'The id "{id}" is already used at {other}; ids are unique across the model.',
  'diag.missing-organisation': 'The model has no organisation section.',
  'diag.unknown-reference': 'Unknown reference "{id}": no {expected} has this id{hint}.',
  'diag.wrong-reference-kind': '"{id}" is of kind {actual}; expected: {expected}.',

  'diag.address-outside-zone':
    'Address {address} is outside the subnets of zone "{zone}" ({subnets}).',
  'diag.asset-site-mismatch':
    'The asset is declared on site "{site}" but its zone "{zone}" is on site "{zoneSite}".',
  'diag.asset-without-zone':
    'This {kind} is in no zone and runs on no host: its exposure cannot be judged.',
  'diag.backup-on-protected-asset':
    'The backup is stored on "{target}", which is (or hosts) "{asset}" that it protects: losing one loses both.',
  'diag.data-not-stored': 'The data set is stored on no asset (storedOn is empty).',
  'diag.decision-duplicate-finding': 'Finding "{finding}" already has a risk decision ("{other}").',
  'diag.decision-unknown-subject':
    'The finding is about "{subject}", which is not an entity of the model.',
  'diag.duplicate-address': 'Address {address} is also declared by asset "{other}".',
  'diag.flow-self-loop': 'The flow goes from "{id}" to itself.',
  'diag.hosting-cycle': 'Assets run on each other in a loop: {cycle}.',
  'diag.left-before-joined': 'Left on {left}, before joining on {joined}.',
  'diag.member-of-non-group': '"{id}" is a {kind}, not a group.',
  'diag.needs-missing': 'Security needs not stated: {missing}.',
  'diag.process-dependency-cycle': 'Processes depend on each other in a loop: {cycle}.',
  'diag.process-without-assets': 'The process rests on no supporting asset.',
  'diag.recovery-objectives-missing': 'Recovery objectives not stated: {missing}.',
  'diag.redundant-with-itself': 'The asset is declared redundant with itself.',
  'diag.recovery-team-unknown':
    'The recovery team “{team}” is not among the teams of organisation.continuity.teams ({teams}).',
  'diag.remote-support-broker-is-self':
    'The device is named as the broker of its own {tool} remote support: name the tool’s relay or the vendor’s portal it connects out to.',
  'diag.remote-support-by-not-person':
    '"{id}" is a {kind}: remote support is opened by a person or a third party; name who connects.',
  'diag.retention-below-frequency':
    'Copies are kept {retention}, less than the {frequency} between two copies.',
  'diag.review-before-decision': 'Review date {reviewDate} is before the decision date {date}.',
  'diag.rto-exceeds-mtpd':
    'RTO {rto} exceeds the maximum tolerable period of disruption {mtpd}: the process cannot be recovered in time.',
  'diag.subnet-outside-parent':
    'Subnet {subnet} lies outside the subnets of enclosing zone "{parent}".',
  'diag.via-not-filtering':
    'The flow is said to cross "{id}", a {kind}, which does not filter flows.',
  'diag.zone-parent-cycle': 'Zones enclose each other in a loop: {cycle}.',
  'diag.zone-site-mismatch':
    'The zone is declared on site "{site}" but its enclosing zone "{parent}" is on site "{parentSite}".',

  'cli.tagline':
    'one model of your information system, for secure architecture, audit, continuity and supervision',
  'cli.usage': 'Usage',
  'cli.command': 'command',
  'cli.commands': 'Commands',
  'cli.options': 'Options',
  'cli.global-options': 'Global options',
  'cli.more-help': 'Run "vigie <command> --help" for the options of a command.',
  'cli.see-help': 'See "{command}".',
  'cli.written': 'Written: {file}',
  'cli.option.lang': 'language of messages (default: from VIGIE_LANG, LC_ALL, LANG)',
  'cli.option.help': 'show this help',
  'cli.option.version': 'show the version',
  'cli.option.debug': 'show stack traces of internal errors',
  'cli.option.no-color': 'no colours (also NO_COLOR=1)',
  'cli.option.format': 'output format',
  'cli.option.output': 'write to this file instead of standard output',
  'cli.option.output-dir': 'directory to write the model files into',
  'cli.option.force': 'overwrite an existing model.yaml',
  'cli.option.assets': 'number of assets (default 100)',
  'cli.option.flows': 'number of flows (default: five per asset)',
  'cli.option.seed': 'random seed, for a reproducible model',
  'cli.error.unknown-command': 'unknown command "{name}".',
  'cli.error.bad-arguments': 'bad arguments: {detail}',
  'cli.error.bad-value': 'invalid value "{value}" for --{option}; allowed: {allowed}.',
  'cli.error.positionals': 'wrong number of arguments; usage: {usage}',
  'cli.error.internal':
    'internal error: {detail} (run with --debug for details; please report it).',
  'cli.error.positive-int': '--{option} expects a whole number between 1 and 1,000,000.',
  'cli.error.missing-option': 'missing option {option}.',
  'cli.file.cannot-read': 'cannot read {path}',
  'cli.file.cannot-write': 'cannot write {path}',
  'cli.file.stdout': 'standard output',
  'cli.file.not-found': 'no such file or directory',
  'cli.file.no-directory': 'the directory {dir} does not exist',
  'cli.file.permission': 'permission denied',
  'cli.file.no-space': 'no space left on the device',
  'cli.file.is-directory': 'it is a directory, a file was expected',
  'cli.file.not-directory': 'a directory was expected, but a file or a device is in the way',
  'cli.file.read-only': 'the file system is read-only',
  'cli.file.special-file':
    'it is a device, a named pipe or a socket, not a regular file (refused before reading or writing)',
  'cli.file.exists': 'the file already exists and is not overwritten',
  'cli.file.too-large': 'larger than the limit of {limit} MB',
  'cli.file.failed': 'system error {detail}',
  'cli.exit.heading': 'Exit codes',
  'cli.exit.ok': 'success',
  'cli.exit.bad': 'bad usage, unreadable input or unwritable output (the message says which)',
  'cli.exit.internal': 'internal error: a bug, please report it',
  'cli.exit.model-invalid': 'the model has errors',
  'cli.exit.fail-on': 'an open finding at or above the --fail-on severity',
  'cli.exit.detections': 'something was detected, and every log was read',
  'cli.exit.rule-errors': 'a rule has errors',
  'cli.validate.summary':
    'Check a model (a YAML file or a directory of them) and list every problem.',
  'cli.validate.valid':
    'Valid model: {files} file(s), {errors} error(s), {warnings} warning(s), {infos} info(s).',
  'cli.validate.invalid':
    'Invalid model: {errors} error(s), {warnings} warning(s), {infos} info(s) in {files} file(s).',
  'cli.summary.summary': 'Show the counts and key facts of a model.',
  'cli.summary.no-organisation': '(no organisation)',
  'cli.summary.invalid':
    'The model has {errors} error(s): run "vigie validate" for details; the figures below cover its valid part.',
  'cli.summary.section': 'Section',
  'cli.summary.count': 'Count',
  'cli.summary.key-facts': 'Key facts',
  'cli.summary.ot-assets': 'Industrial (OT) assets',
  'cli.summary.personal-data': 'Data sets with personal data',
  'cli.summary.special-data': 'Data sets with special-category data (GDPR art. 9)',
  'cli.summary.privileged': 'Privileged identities',
  'cli.summary.privileged-no-mfa': 'Privileged identities without MFA',
  'cli.summary.unencrypted-flows': 'Unencrypted flows',
  'cli.summary.protected-backups': 'Offline or immutable backups',
  'cli.summary.no-logs': 'Assets expected to log that send no logs',
  'cli.summary.measures': 'Measures by status',
  'cli.summary.supporting-assets': 'Supporting assets',
  'cli.schema.summary':
    "Print the JSON Schema of model files (for editors' completion and checks).",
  'cli.graph.summary':
    'Print the network graph of a model (zones, assets, flows) as DOT, Mermaid or JSON.',
  'cli.init.summary':
    'Write a commented starter model (model.yaml) and its JSON Schema into a directory.',
  'cli.init.exists': '{file} already exists; use --force to overwrite it.',
  'cli.init.done':
    'Written {file} and {schema}. Next: edit the model, then run "vigie validate {dir}".',
  'cli.generate.summary': 'Generate a large, realistic model (for benchmarks and trials).',
  'cli.generate.done': 'Generated a model with {assets} assets and {flows} flows in {dir}.',
  'section.sites': 'Sites',
  'section.zones': 'Zones',
  'section.assets': 'Assets',
  'section.data': 'Data sets',
  'section.flows': 'Flows',
  'section.identities': 'Identities',
  'section.processes': 'Processes',
  'section.backups': 'Backups',
  'section.measures': 'Measures',
  'section.decisions': 'Risk decisions',
  'cli.summary.process': 'Process',
  'measure-status.implemented': 'implemented',
  'measure-status.partial': 'partial',
  'measure-status.planned': 'planned',
  'measure-status.not-implemented': 'not implemented',
  'measure-status.not-applicable': 'not applicable',
  'cli.analyze.summary':
    'Analyse the architecture: rules (ANSSI guides), attack paths and choke points.',
  'cli.option.fail-on': 'exit 1 when an open finding has at least this severity',
  'cli.option.today': 'date of the analysis (risk decisions past their review date resurface)',
  'cli.error.bad-date': '"{value}" is not a date (YYYY-MM-DD).',
  'cli.analyze.progress-rules': 'Rules',
  'cli.analyze.rule-failed': 'rule {rule} failed and was skipped: {detail}',
  'cli.analyze.title': 'Architecture security analysis — {organisation}',
  'cli.analyze.severity': 'Severity',
  'cli.analyze.finding': 'Finding',
  'cli.analyze.title-column': 'Title',
  'cli.analyze.status': 'Status',
  'cli.analyze.totals':
    '{causes} root cause(s) ({total} finding(s)) from {rules} rules; open root causes: {critical} critical, {high} high, {medium} medium, {low} low ({open} open finding(s)).',
  'cli.analyze.root-cause': '{title} ({findings} findings, one root cause)',
  'cli.analyze.invalid-model':
    'The model at {path} has {errors} error(s): fix them first ("vigie validate {path}").',
  'cli.rules.summary':
    'List the architecture rules (built-in, and custom ones of a model) with their metadata.',
  'cli.option.model-rules': 'also list the custom rules of this model (its rules/ folder)',
  'cli.rules.id': 'Rule',
  'cli.rules.family': 'Family',
  'cli.rules.likelihood': 'Likelihood',
  'cli.rules.count': '{count} rule(s).',
  'cli.needs.summary':
    'Security needs (DICP) and their propagation, applicable regulations, EBIOS RM workshop-1 framing and the ANSSI hygiene baseline; with --spec, the analysis of a project specification.',
  'cli.option.spec': 'a project specification to analyse against the model',
  'cli.option.k': 'most likely attack paths kept per target (1–20, default 3)',
  'cli.option.no-paths': 'skip attack paths and choke points',
  'cli.error.k': '--k expects a whole number from 1 to 20.',
  'cli.analyze.progress-paths': 'Attack paths',
  'cli.analyze.paths-heading':
    'Most likely attack paths ({paths} paths from {sources} threat sources to {targets} targets)',
  'cli.analyze.score': 'Likelihood',
  'cli.analyze.target': 'Target',
  'cli.analyze.route': 'Route',
  'cli.analyze.choke-heading': 'Choke points (what to cut first)',
  'cli.analyze.paths-cut': 'Paths cut',
  'cli.analyze.cost': 'Cost',
  'cli.analyze.element': 'Element',
  'cli.analyze.action': 'Action',
  'cli.analyze.targets': 'Targets',
  'cli.analyze.invalid-rules': 'The custom rules of {path} have {errors} error(s): fix them first.',
  'cli.import.summary': 'Import a model from another tool (Threagile) into Vigie model files.',
  'cli.option.force-import': 'overwrite existing model files in the output directory',
  'cli.import.unknown-format': 'unknown import format "{format}"; supported: {formats}.',
  'cli.import.exists': 'the output directory already holds {files}; use --force to overwrite.',
  'cli.import.done':
    'Written {count} model file(s) to {dir}. Next: "vigie validate {dir}", then "vigie analyze {dir}".',
  'cli.needs.nothing': 'give a model path, a --spec file, or both.',
  'cli.pra.summary':
    'CP4: disaster recovery plan — business impact analysis, backups against RPO (3-2-1-1-0, ransomware exposure) and the recovery schedule',
  'cli.pra.bad-action': '"{action}" is not a pra action: use analyze or schedule.',
  'cli.pra.bad-teams': '"{value}" is not a number of teams (a whole number from 1 to 999).',
  'cli.option.teams': 'recovery tasks run in parallel (default: the teams the model declares)',
  'cli.pra.col.process': 'Process',
  'cli.pra.col.achievable': 'Achievable',
  'cli.pra.col.status': 'Status',
  'cli.pra.status.met': 'RTO met',
  'cli.pra.status.missed': 'RTO missed',
  'cli.pra.status.no-rto': 'no RTO',
  'cli.pra.schedule-heading':
    'Recovery schedule: {teams} task(s) in parallel, everything back after {makespan}',
  'cli.pra.flags-heading': '{count} point(s) to address:',
  'cli.pra.assumptions': '{count} assumption(s) used (see --format json).',
  'cli.pra.severity.critical': 'critical',
  'cli.pra.severity.high': 'high',
  'cli.pra.severity.medium': 'medium',
  'cli.pra.severity.low': 'low',
  'cli.pra.severity.info': 'info',
  'cli.sigma.summary':
    'Check Sigma rule files (detection, correlation and filter rules): every problem with its location.',
  'cli.sigma.unknown-action': 'unknown action "{action}"; use "vigie sigma check <rules…>".',
  'cli.sigma.checked':
    '{files} file(s), {documents} document(s), {compiled} compiled; {errors} error(s), {warnings} warning(s).',
  'cli.hunt.summary':
    'Run Sigma rules over logs (JSON, EVTX, syslog, CSV, gzip) and report detections.',
  'cli.option.pipeline':
    'processing pipeline: sysmon, windows-security, ecs-winlogbeat or a YAML file (repeatable)',
  'cli.option.rules': 'Sigma rule file or directory (repeatable)',
  'cli.hunt.progress': '{file}: {percent} %, {events} events, {rate} events/s',
  'cli.hunt.more-problems': '… and {count} more problem(s).',
  'cli.hunt.no-rules': 'No usable Sigma rule: nothing to hunt with.',
  'cli.hunt.incomplete':
    'Incomplete hunt: {count} input problem(s) in {files} file(s); the detections cover only what could be read (exit code 2).',
  'cli.hunt.level': 'Level',
  'cli.hunt.count': 'Detections',
  'cli.hunt.done':
    '{events} events from {files} file(s) against {rules} rules: {detections} detection(s).',
  'cli.hunt.by-tactic': 'By ATT&CK tactic:',
  'cli.dat.summary':
    'Write the technical architecture dossier (DAT) of a model: HTML, PDF, DOCX or Markdown.',
  'cli.report.summary':
    'Write a report of a model (analysis: the architecture security analysis report).',
  'cli.diagram.summary':
    'Draw a diagram of a model (zones, a site, a zone, a process) as SVG or PNG.',
  'cli.option.view': 'what to draw: zones, site:<id>, zone:<id> or process:<id> (default zones)',
  'cli.option.doc-format':
    'document format: html, pdf, docx or md (default: from the output file name, else md)',
  'cli.option.classification':
    'classification marking on the cover and page headers (default: Restricted)',
  'cli.option.author': 'author named on the cover and in the history',
  'cli.option.doc-version': 'document version (default 1.0)',
  'cli.option.date': 'document date, YYYY-MM-DD (default: today); also the date of the analysis',
  'cli.option.max-assets': 'draw zones without their assets above this many assets (default 80)',
  'cli.diagram.bad-view': 'unknown view "{view}"; use zones, site:<id>, zone:<id> or process:<id>.',
  'cli.diagram.unknown-id': 'no {kind} with id "{id}" in the model.',
  'cli.diagram.bad-output':
    'the output file must end in .svg or .png (or give no -o to print the SVG).',
  'cli.document.binary-output': 'the {format} format is binary: give an output file with -o.',
  'cli.document.written': '{file} written ({size}).',
  'cli.document.written-pages': '{file} written ({size}, {pages} pages).',
  'cli.document.progress': '{step}: {done}/{total}',
  'cli.document.step-rules': 'rules',
  'cli.document.step-paths': 'attack paths',
  'cli.document.step-diagrams': 'diagrams',
  'cli.document.step-render': 'rendering',
  'cli.document.default-classification': 'Restricted',
  'cli.report.unknown-kind': 'unknown report "{kind}"; available: analysis.',
  'cli.document.bad-version':
    '--doc-version expects a short version such as 1.0 or 2.1-draft (letters, digits, dots, hyphens).',
  'cli.serve.summary':
    'Serve the Vigie platform (web UI, and the JSON API under /api/) from the data directory (VIGIE_DATA, default ./data) or PostgreSQL (DATABASE_URL).',
  'cli.option.host': 'address to listen on (default 127.0.0.1)',
  'cli.option.port': 'port to listen on (default 8080)',
  'cli.serve.listening': 'Vigie is serving on {url} (store: {store}).',
  'cli.serve.first-run':
    'First run: administrator {email}, one-time password {password} — it is shown only now; change it after logging in.',
  'cli.serve.demo': 'Demo workspace: {name}.',
  'cli.serve.open': 'Open {url} in a browser.',
  'cli.serve.stopping': 'Stopping (Ctrl-C again to force)…',
  'cli.serve.bad-port': '--port expects a whole number from 1 to 65535.',
  'cli.serve.bad-limit': '{name} expects a whole number from {min} to {max} (got "{value}").',
  'cli.serve.upload-below-model':
    'VIGIE_MAX_UPLOAD_BYTES ({value}) must be at least VIGIE_MAX_MODEL_BYTES ({min}): a model within its limit must fit in a request.',
  'cli.serve.cannot-start': 'cannot start: {reason}.',
  'cli.option.public-url':
    'the address users open, e.g. https://vigie.example.org (VIGIE_PUBLIC_URL); https turns on Secure cookies and HSTS',
  'cli.option.tls-cert':
    'PEM certificate (chain) to serve HTTPS directly, with --tls-key (VIGIE_TLS_CERT)',
  'cli.option.tls-key': 'PEM private key of --tls-cert (VIGIE_TLS_KEY)',
  'cli.serve.public-url-invalid':
    '--public-url (VIGIE_PUBLIC_URL) expects an absolute address such as https://vigie.example.org, not "{value}".',
  'cli.serve.public-url-scheme':
    '--public-url (VIGIE_PUBLIC_URL) must start with https:// (or http:// for a test without TLS), not "{value}".',
  'cli.serve.public-url-credentials':
    '--public-url (VIGIE_PUBLIC_URL) must not contain a user name or password.',
  'cli.serve.public-url-path':
    '--public-url (VIGIE_PUBLIC_URL) must be the root of a site, without path, query or fragment (Vigie is served at /), not "{value}".',
  'cli.serve.tls-pair':
    '--tls-cert and --tls-key (VIGIE_TLS_CERT and VIGIE_TLS_KEY) go together: give both or neither.',
  'cli.serve.tls-unreadable': 'cannot read the TLS file {file}: {reason}.',
  'cli.serve.tls-bad-cert': '{file} holds no PEM certificate (-----BEGIN CERTIFICATE-----).',
  'cli.serve.tls-bad-key':
    '{file} holds no usable PEM private key (an encrypted key is not supported).',
  'cli.serve.tls-mismatch': 'the private key {key} does not belong to the certificate {cert}.',
  'cli.serve.locked':
    'another Vigie server (PID {pid} on host {host}, started {since}) is using the data directory {dir}. Stop it first, or use PostgreSQL (DATABASE_URL) to run several instances; if no Vigie runs there any more, delete {lock}',
  'cli.serve.locked-unreadable':
    'the data directory {dir} is locked ({lock} cannot be read); if no Vigie server uses it, delete {lock}',
  'cli.serve.dir-readable':
    'warning: other users can open the data directory {dir} (mode {mode}), which holds password and session hashes; restrict it with: chmod 700 {dir}',
  'cli.backup.summary':
    "Write a consistent backup of the platform's data (users, workspaces, model versions, audit log…) while it runs.",
  'cli.restore.summary': 'Restore a platform backup into an empty data directory or database.',
  'cli.backup.done': '{file} written: {rows} rows from {tables} tables.',
  'cli.restore.done': '{rows} rows restored into {store}.',
  'cli.backup.failed': 'backup failed: {reason}.',
  'cli.restore.failed': 'restore refused: {reason}.',
  'cli.admin.summary':
    "Account recovery on the server's machine, against the platform's store (VIGIE_DATA or DATABASE_URL): unlock <email> lifts the sign-in lock, reset-password <email> prints a one-time password and signs the account out.",
  'cli.admin.unknown-action': 'unknown action "{action}"; available: {actions}.',
  'cli.admin.no-store':
    'no Vigie data in {dir} (set VIGIE_DATA or DATABASE_URL as for vigie serve).',
  'cli.admin.no-account': 'no account uses the e-mail address {email} (store: {store}).',
  'cli.admin.unlocked': 'Sign-in to {email} unlocked: the failed attempts are forgotten.',
  'cli.admin.was-not-locked': '{email} was not locked; nothing to forget.',
  'cli.admin.password-reset':
    'New one-time password for {email}: {password} — it is shown only now; sign in with it and change it. Sessions signed out: {sessions}.',
  'cli.admin.failed': 'admin {action} failed: {reason}.',
  'cli.serve.bad-trust-proxy': 'VIGIE_TRUST_PROXY is invalid: {reason}.',
  'punct.colon': ':',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
