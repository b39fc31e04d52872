#!/usr/bin/env python3
"""Writes the fixture-derived seeds of Fuzz/Corpus from ../shared/fixtures (kube-apiserver v1.36 captures).

Usage: Fuzz/seed-corpus.py [fixtures-dir]   (default: ../shared/fixtures next to the checkout)
Seeds are named seed-<fixture>[-<n>]; hand-written seeds (hand-*) and what fuzzing added (SHA-1 names) are left alone.
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent
fixtures = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent.parent / "shared" / "fixtures"
corpus = root / "Corpus"


def write(target, name, data):
    folder = corpus / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"seed-{name}").write_bytes(data if isinstance(data, bytes) else data.encode())


def compact(value):
    return json.dumps(value, separators=(",", ":"))


lists = [
    "pods-list-all-namespaces", "pods-list-demo-limit1-page1", "pods-list-demo-limit1-page2",
    "pods-list-demo-limit1-page3", "pods-list-continue-token-expired-410", "nodes-list", "events-list-demo",
    "events-k8s-io-v1-list-demo", "protobuf/pods-list-kube-system-twin",
]
for name in lists:
    write("list-pages", name.replace("protobuf/", ""), (fixtures / f"{name}.json").read_bytes())
deployment = json.loads((fixtures / "deployment-get-web-after-dryrun.json").read_text())
write("list-pages", "deployment-list", compact(
    {"kind": "DeploymentList", "apiVersion": "apps/v1", "metadata": {"resourceVersion": "240", "continue": "c1",
     "remainingItemCount": 3}, "items": [deployment]}))

for name in ["pods-watch-demo", "pods-watch-rv1-fresh-cache-replay", "pods-watchlist-sendinitialevents",
             "pods-watch-too-old-rv-410"]:
    lines = [line for line in (fixtures / f"{name}.ndjson").read_bytes().split(b"\n") if line.strip()]
    for index, line in enumerate(lines):
        write("watch-events", f"{name}-{index}", line)
wrapped = [
    ("ADDED", json.loads((fixtures / "nodes-list.json").read_text())["items"][0], "node"),
    ("MODIFIED", json.loads((fixtures / "events-list-demo.json").read_text())["items"][0], "event"),
    ("ADDED", deployment, "deployment"),
    ("DELETED", json.loads((fixtures / "pod-get-evict-me-after-eviction.json").read_text()), "pod"),
]
for kind, item, name in wrapped:
    write("watch-events", f"{kind.lower()}-{name}", compact({"type": kind, "object": item}))

quantities = set()


def collect(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            collect(v, k)
    elif isinstance(value, list):
        for v in value:
            collect(v, key)
    elif isinstance(value, str) and key in ("cpu", "memory", "ephemeral-storage", "pods", "hugepages-2Mi"):
        quantities.add(value)


for path in sorted(fixtures.glob("*.json")):
    if not path.name.startswith("openapi"):
        collect(json.loads(path.read_text()))
for index, text in enumerate(sorted(quantities)):
    write("quantity", f"fixtures-{index}", text)
