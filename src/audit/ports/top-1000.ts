/**
 * TOP_1000_PORTS: the TCP ports a `top1000` scan tries.
 *
 * Provenance — Vigie's own list, not derived from nmap's `nmap-services` (NPSL-licensed, not
 * copied nor consulted for ordering). It is built in three tiers:
 *   1. the default TCP ports of common services, written from the IANA "Service Name and
 *      Transport Protocol Port Number Registry" assignments and the products' own documentation
 *      (web and proxies, remote administration, mail, files, directories, databases, brokers,
 *      monitoring, containers and orchestration, Windows and RPC, VPNs, printing, VoIP,
 *      industrial protocols, backup) — facts any administrator knows, grouped by hand;
 *   2. the system ports 1–1023 not already listed, in ascending order,
 *   3. stopping at exactly 1,000 ports.
 * So it is a list of likely ports by construction, not a frequency measurement: a port missing
 * here is found by `ports: all` (the full range is the scan to trust).
 */

// tier 1, by family; duplicates across families are fine (the list is deduplicated)
const SERVICES: readonly (readonly number[])[] = [
  // web, application servers, proxies
  [80, 443, 8080, 8443, 8000, 8008, 8081, 8082, 8083, 8084, 8085, 8086, 8087, 8088, 8089, 8090],
  [8888, 8880, 8181, 8180, 8800, 8001, 8002, 8003, 8009, 8010, 8099, 8100, 8161, 8444, 9000],
  [9001, 9002, 9043, 9060, 9080, 9090, 9091, 9443, 9990, 9993, 3000, 3001, 4000, 4001, 4443],
  [4848, 5000, 5001, 5002, 5003, 5800, 7001, 7002, 7070, 7443, 7777, 10000, 10443, 16080, 591],
  [2082, 2083, 2086, 2087, 2095, 2096, 3128, 8118, 1080, 9050, 9051, 8983, 8500, 18080, 4040],
  // remote administration
  [22, 23, 2222, 10022, 3389, 5900, 5901, 5902, 5903, 5904, 5985, 5986, 992, 512, 513, 514],
  [6000, 6001, 6002, 1494, 2598, 4899, 5631, 5632, 830, 8291, 8728, 8729, 4786, 623, 17988],
  // mail
  [25, 465, 587, 2525, 110, 995, 143, 993, 4190, 24, 106, 109, 220, 366],
  // files and storage
  [20, 21, 989, 990, 445, 139, 2049, 111, 873, 548, 3260, 9418, 4045, 20048, 2000, 115],
  // name, time, directory, authentication
  [53, 853, 88, 389, 636, 3268, 3269, 464, 749, 750, 754, 1812, 1813, 49, 123, 37, 13],
  // databases and caches
  [1433, 1434, 1521, 1522, 1526, 1830, 3306, 3307, 3308, 5432, 5433, 5434, 6379, 6380, 26379],
  [27017, 27018, 27019, 28017, 9200, 9300, 5984, 6984, 7000, 7001, 7199, 9042, 9160, 8086],
  [11211, 50000, 3050, 26257, 8529, 7474, 7687, 2424, 8091, 8092, 11210, 8123, 9009, 1583],
  [3351, 4333, 5050, 6432, 8087, 8098, 5439, 9093, 9094, 2480, 8182, 8765, 8529, 28015],
  // message brokers
  [1883, 8883, 5672, 5671, 15672, 15671, 61613, 61614, 61616, 4222, 6222, 8222, 9092, 9094],
  [2181, 2888, 3888, 6650, 6651, 8161, 5222, 5223, 5269, 5280, 6667, 6697, 1414, 4369, 25672],
  // monitoring and logging
  [161, 162, 199, 9100, 9101, 9102, 9103, 9115, 9116, 9187, 9104, 5601, 10050, 10051, 2003],
  [2004, 8125, 4949, 5666, 12489, 9997, 8089, 6514, 5044, 5140, 24224, 12201, 3100, 4317, 4318],
  [9411, 14250, 14268, 16686, 8428, 9411, 2020, 8060, 9187, 3030, 19999, 8649, 8651, 8652],
  // containers, orchestration, service discovery, secrets
  [2375, 2376, 2377, 6443, 10250, 10255, 10256, 10257, 10259, 2379, 2380, 8300, 8301, 8302],
  [8200, 8201, 4646, 4647, 4648, 5555, 7946, 4789, 9999, 8472, 179, 9153, 10249, 30000, 32000],
  // Windows, RPC, Active Directory
  [135, 593, 5722, 9389, 47001, 49152, 49153, 49154, 49155, 49156, 49157, 49158, 1025, 1026],
  [1027, 1028, 1029, 1030, 1031, 1032, 1033, 3389, 3343, 5357, 5358, 2179, 1801, 2103, 2105],
  // VPN, tunnels
  [1194, 1701, 1723, 4500, 500, 10443, 4433, 8443, 1443, 943, 1293, 3478, 5349, 51820, 443],
  // printing, VoIP, media
  [515, 631, 9100, 9101, 5060, 5061, 1720, 2000, 554, 1935, 8554, 32400, 8096, 8920, 5004],
  // industrial control and building automation
  [102, 502, 20000, 44818, 47808, 1911, 4911, 9600, 18245, 18246, 789, 2404, 5007, 5094, 1962],
  [20547, 4840, 4843, 2455, 2222, 34962, 34963, 34964, 5006, 1089, 1090, 1091, 38000, 38001],
  // backup, virtualisation, storage management
  [902, 903, 5480, 8333, 1556, 13720, 13724, 13782, 10080, 6106, 3260, 16509, 5988, 5989, 2301],
  [2381, 8834, 9392, 9390, 8006, 3128, 9440, 8100, 16992, 16993, 623, 664, 5093, 8787, 10001],
  // development, CI, collaboration
  [3690, 9418, 8065, 8929, 5432, 7990, 7999, 8060, 8111, 50000, 8153, 8154, 8888, 6060, 9229],
  [4200, 5173, 3306, 8280, 8281, 9876, 9877, 4567, 4568, 5555, 7171, 8000, 8545, 30303, 25565],
  // other well-known services
  [7, 9, 11, 17, 19, 79, 113, 119, 179, 311, 427, 497, 544, 563, 873, 1900, 3702, 5353],
  [6881, 51413, 27015, 7100, 6346, 1352, 1863, 5190, 3050, 2401, 6566, 8400, 2049, 9000],
];

function build(): readonly number[] {
  const chosen = new Set<number>();
  for (const family of SERVICES)
    for (const port of family) if (chosen.size < 1000) chosen.add(port);
  for (let port = 1; port <= 1023 && chosen.size < 1000; port += 1) chosen.add(port);
  return Object.freeze([...chosen].sort((a, b) => a - b));
}

/** 1,000 TCP ports, ascending (see the provenance above). */
export const TOP_1000_PORTS: readonly number[] = build();
