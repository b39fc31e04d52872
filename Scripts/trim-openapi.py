#!/usr/bin/env python3
"""Builds ClusterSim's OpenAPI v3 documents from the real kube-apiserver's (../shared/fixtures/openapi-v3-*).

Keeps the paths of the resources the simulator serves and the schemas they reach, without operation descriptions;
adds scheduling.k8s.io/v1 (PriorityClass), which the captured server's documents do not cover, from the core schemas.
Run from the repository root: python3 Scripts/trim-openapi.py ../shared/fixtures
"""
import json
import os
import sys

OUT = "Sources/ClusterSim/Resources/openapi"
SERVED = {
    "api-v1": ("/api/v1", ["namespaces", "nodes", "pods", "events", "configmaps", "secrets", "resourcequotas",
                           "limitranges"]),
    "apis-apps-v1": ("/apis/apps/v1", ["deployments", "replicasets", "daemonsets", "statefulsets",
                                       "controllerrevisions"]),
    "apis-batch-v1": ("/apis/batch/v1", ["jobs", "cronjobs"]),
    "apis-policy-v1": ("/apis/policy/v1", ["poddisruptionbudgets"]),
}


def served_path(path, prefix, plurals):
    if not path.startswith(prefix + "/"):
        return False
    parts = path[len(prefix) + 1:].split("/")
    if parts[0] == "watch":
        return False
    if parts[0] == "namespaces" and len(parts) >= 3:
        return parts[2] in plurals
    return parts[0] in plurals


def refs(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.add(value.split("/")[-1])
            else:
                refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def strip_operations(paths):
    for item in paths.values():
        item.pop("description", None)
        for key, operation in item.items():
            if isinstance(operation, dict):
                operation.pop("description", None)
                for parameter in operation.get("parameters", []):
                    parameter.pop("description", None)
            elif isinstance(operation, list):
                for parameter in operation:
                    parameter.pop("description", None)


def reachable(schemas, roots):
    keep, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in keep or name not in schemas:
            continue
        keep.add(name)
        found = set()
        refs(schemas[name], found)
        todo.extend(found - keep)
    return {name: schemas[name] for name in sorted(keep)}


def trim(document, prefix, plurals):
    paths = {p: v for p, v in document["paths"].items() if served_path(p, prefix, plurals)}
    strip_operations(paths)
    roots = set()
    refs(paths, roots)
    return {"openapi": document["openapi"], "info": document["info"], "paths": paths,
            "components": {"schemas": reachable(document["components"]["schemas"], roots)}}


def scheduling(core):
    """PriorityClass paths modelled on the core ConfigMap paths, with the real PriorityClass schema's fields."""
    meta = "io.k8s.apimachinery.pkg.apis.meta.v1."
    kind = {"group": "scheduling.k8s.io", "version": "v1", "kind": "PriorityClass"}
    schema = {
        "description": "PriorityClass defines mapping from a priority class name to the priority integer value.",
        "type": "object", "required": ["value"],
        "properties": {
            "apiVersion": {"type": "string"}, "kind": {"type": "string"},
            "metadata": {"allOf": [{"$ref": "#/components/schemas/" + meta + "ObjectMeta"}], "default": {}},
            "value": {"type": "integer", "format": "int32", "default": 0},
            "globalDefault": {"type": "boolean"}, "description": {"type": "string"},
            "preemptionPolicy": {"type": "string"},
        },
        "x-kubernetes-group-version-kind": [kind],
    }
    item = json.loads(json.dumps(core["paths"]["/api/v1/namespaces/{namespace}/configmaps/{name}"]))
    collection = json.loads(json.dumps(core["paths"]["/api/v1/namespaces/{namespace}/configmaps"]))
    text = json.dumps({"item": item, "collection": collection})
    text = text.replace("io.k8s.api.core.v1.ConfigMapList", "io.k8s.api.scheduling.v1.PriorityClassList")
    text = text.replace("io.k8s.api.core.v1.ConfigMap", "io.k8s.api.scheduling.v1.PriorityClass")
    text = text.replace('"group": "", "version": "v1", "kind": "ConfigMap"',
                        '"group": "scheduling.k8s.io", "version": "v1", "kind": "PriorityClass"')
    text = text.replace("ConfigMap", "PriorityClass").replace("CoreV1Namespaced", "SchedulingV1")
    operations = json.loads(text)
    for group in operations.values():
        group["parameters"] = [p for p in group.get("parameters", []) if p.get("name") != "namespace"]
    schemas = core["components"]["schemas"]
    result = {
        "openapi": core["openapi"], "info": core["info"],
        "paths": {"/apis/scheduling.k8s.io/v1/priorityclasses": operations["collection"],
                  "/apis/scheduling.k8s.io/v1/priorityclasses/{name}": operations["item"]},
        "components": {"schemas": {
            "io.k8s.api.scheduling.v1.PriorityClass": schema,
            "io.k8s.api.scheduling.v1.PriorityClassList": {
                "type": "object", "required": ["items"],
                "properties": {
                    "apiVersion": {"type": "string"}, "kind": {"type": "string"},
                    "items": {"type": "array", "items": {"allOf": [
                        {"$ref": "#/components/schemas/io.k8s.api.scheduling.v1.PriorityClass"}], "default": {}}},
                    "metadata": {"allOf": [{"$ref": "#/components/schemas/" + meta + "ListMeta"}], "default": {}},
                },
                "x-kubernetes-group-version-kind": [dict(kind, kind="PriorityClassList")],
            },
        }},
    }
    strip_operations(result["paths"])
    roots = set()
    refs(result, roots)
    result["components"]["schemas"].update(reachable(schemas, roots - set(result["components"]["schemas"])))
    return result


def main():
    fixtures = sys.argv[1] if len(sys.argv) > 1 else "../shared/fixtures"
    os.makedirs(OUT, exist_ok=True)
    core = None
    for name, (prefix, plurals) in SERVED.items():
        with open(os.path.join(fixtures, "openapi-v3-%s.json" % name)) as handle:
            document = json.load(handle)
        if name == "api-v1":
            core = document
        with open(os.path.join(OUT, name + ".json"), "w") as handle:
            json.dump(trim(document, prefix, plurals), handle, separators=(",", ":"), sort_keys=True)
    with open(os.path.join(OUT, "apis-scheduling.k8s.io-v1.json"), "w") as handle:
        json.dump(scheduling(core), handle, separators=(",", ":"), sort_keys=True)


main()
