#!/usr/bin/env python3
"""Summarises a JFR recording's execution samples: the hottest methods (self time) and the share of
samples under each Marsad method (inclusive). Used by jobs/bench.sh for the analyser's profile.

  jfr.py RECORDING.jfr [PREFIX]     PREFIX: only stacks under a frame starting with it are counted
"""
import collections, re, subprocess, sys

rec = sys.argv[1]
prefix = sys.argv[2] if len(sys.argv) > 2 else None
text = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', rec],
                      capture_output=True, text=True, check=True).stdout
self_ = collections.Counter()
incl = collections.Counter()
stack = []


def flush():
    global stack
    if stack and (prefix is None or any(f.startswith(prefix) for f in stack)):
        self_[stack[0]] += 1
        for f in set(stack):
            incl[f] += 1
    stack = []


for line in text.splitlines():
    line = line.strip()
    m = re.match(r'^([\w.$<>]+)\(', line)
    if m and 'line:' in line:
        stack.append(m.group(1))
    elif line.startswith('jdk.ExecutionSample') or line == '}':
        flush()
flush()
total = sum(self_.values()) or 1
print(f"samples {total}")
print("| self | method |\n|---|---|")
for k, v in self_.most_common(15):
    print(f"| {100*v/total:.1f}% | `{k}` |")
print("\n| inclusive | Marsad method |\n|---|---|")
for k, v in incl.most_common(200):
    if k.startswith('org.marsad') and not k.startswith('org.marsad.bench'):
        print(f"| {100*v/total:.1f}% | `{k}` |")
