#!/usr/bin/env python3
"""Summarises a Java Flight Recording's CPU samples (jdk.ExecutionSample) as markdown: samples by thread, the share
of samples whose stack passes through each component (inclusive), and the hottest methods (top frame).

    summarize.py <jfr tool> <recording.jfr> <title>
"""
import collections, re, subprocess, sys

COMPONENTS = [
    ("Ed25519 (event seals, tokens)", ("sun.security.util.math.intpoly", "sun.security.ec.ed", "org.bouncycastle.math.ec.rfc")),
    ("Hibernate ORM", ("org.hibernate.",)),
    ("PostgreSQL JDBC driver", ("org.postgresql.",)),
    ("Agroal pool / Narayana transactions", ("io.agroal.", "com.arjuna.", "io.quarkus.narayana")),
    ("Jackson", ("com.fasterxml.jackson.",)),
    ("Kafka client", ("org.apache.kafka.",)),
    ("SmallRye Reactive Messaging", ("io.smallrye.reactive.messaging",)),
    ("Vert.x / Netty (HTTP)", ("io.vertx.", "io.netty.")),
    ("RESTEasy Reactive", ("org.jboss.resteasy.reactive", "io.quarkus.resteasy.reactive")),
    ("our code (org.outreachexchange)", ("org.outreachexchange.",)),
    ("logging", ("org.jboss.logmanager.", "org.jboss.logging.")),
]

def main(tool, recording, title):
    text = subprocess.run([tool, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", recording],
                          capture_output=True, text=True, check=True).stdout
    samples = []
    for block in text.split("jdk.ExecutionSample {")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = re.findall(r"^\s+([\w$.<>/]+)\(", block, re.M)
        samples.append((thread.group(1) if thread else "?", frames))
    total = len(samples)
    out = [f"### {title}", "", f"{total} CPU samples (JFR `profile` settings: one per running thread every 10 ms).", ""]
    threads = collections.Counter(re.sub(r"[-#]?\d+$", "-N", t) for t, _ in samples)
    out += ["| thread (numbers folded) | samples | share |", "|---|---:|---:|"]
    out += [f"| {t} | {n} | {100 * n / total:.1f} % |" for t, n in threads.most_common(10)]
    out += ["", "| component (stack passes through it) | samples | share |", "|---|---:|---:|"]
    for name, prefixes in COMPONENTS:
        n = sum(1 for _, f in samples if any(fr.startswith(prefixes) for fr in f))
        out.append(f"| {name} | {n} | {100 * n / total:.1f} % |")
    top = collections.Counter(f[0] for _, f in samples if f)
    out += ["", "| hottest method (top frame) | samples | share |", "|---|---:|---:|"]
    out += [f"| `{m}` | {n} | {100 * n / total:.1f} % |" for m, n in top.most_common(12)]
    print("\n".join(out) + "\n")

if __name__ == "__main__":
    main(*sys.argv[1:4])
