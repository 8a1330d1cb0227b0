"""Peer of bench/analyze/paths.js: the k shortest simple paths with networkx on the same graph.

Reads the attack graph written by paths.js (edges with their -ln p weights), builds a networkx
DiGraph (not timed), then times `nx.shortest_simple_paths` (Yen's algorithm) for each target and
prints the time and the path costs as JSON.
"""
import json
import sys
import time
from itertools import islice

import networkx as nx


def main(path):
    with open(path) as f:
        data = json.load(f)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(data["nodes"]))
    graph.add_weighted_edges_from(data["edges"])
    source, k = data["source"], data["k"]
    costs = []
    start = time.perf_counter()
    for target in data["targets"]:
        try:
            paths = list(islice(nx.shortest_simple_paths(graph, source, target, weight="weight"), k))
        except nx.NetworkXNoPath:
            paths = []
        costs.append([nx.path_weight(graph, p, weight="weight") for p in paths])
    ms = (time.perf_counter() - start) * 1000
    print(json.dumps({"ms": ms, "costs": costs, "version": nx.__version__}))


if __name__ == "__main__":
    main(sys.argv[1])
