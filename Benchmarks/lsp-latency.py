#!/usr/bin/env python3
# Editor latency of `ecoprod lsp` on the shipped framework: the time from a didChange (one edit
# in A-production.yaml, alternately breaking and fixing a value) to the publishDiagnostics for that
# file, over 60 edits (the first 10 discarded). Needs the release binary: swift build -c release.
import json, subprocess, time, statistics, sys
root = str(__import__("pathlib").Path(__file__).resolve().parents[1])
binary = root + "/.build/release/ecoprod"
p = subprocess.Popen([binary, "lsp", "--framework", root + "/Framework"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def send(m):
    b = json.dumps(m).encode(); p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b); p.stdin.flush()
def recv():
    n = 0
    while True:
        line = p.stdout.readline()
        if line in (b"\r\n", b"\n"): break
        if line.lower().startswith(b"content-length"): n = int(line.split(b":")[1])
    return json.loads(p.stdout.read(n))
send({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}); recv()
uri = "file://" + root + "/Framework/departments/A-production.yaml"
text = open(root + "/Framework/departments/A-production.yaml").read()
send({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":uri,"languageId":"yaml","version":1,"text":text}}})
line = text[:text.index("points: 4")].count("\n")
times = []
for i in range(60):
    value = "yes" if i % 2 == 0 else "4"
    old = "4" if i % 2 == 0 else "yes"
    start = time.perf_counter()
    send({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":uri,"version":i+2},
          "contentChanges":[{"range":{"start":{"line":line,"character":12},"end":{"line":line,"character":12+len(old)}},"text":value}]}})
    while True:
        m = recv()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri: break
    times.append(time.perf_counter() - start)
send({"jsonrpc":"2.0","id":2,"method":"shutdown"}); recv(); send({"jsonrpc":"2.0","method":"exit"}); p.wait()
times = times[10:]
print(f"didChange -> publishDiagnostics, {len(times)} edits: median {statistics.median(times)*1e3:.2f} ms, p90 {sorted(times)[int(len(times)*0.9)]*1e3:.2f} ms, max {max(times)*1e3:.2f} ms")
