#!/usr/bin/env python3
"""Draws a Java Flight Recording's CPU samples (jdk.ExecutionSample) as a flame graph in SVG, with no tool beyond
Python and the JDK's `jfr`: the width of a frame is the share of samples whose stack passes through it; callers below,
callees above; the first frame of each stack is its thread (numbers folded). With --folded it also writes the folded
stacks (`frame;frame;... count`) beside it, the usual input of other flame-graph tools.

    flamegraph.py <jfr tool> <recording.jfr> <title> <out.svg> [--folded]
"""
import collections, html, re, subprocess, sys

WIDTH, ROW, FONT = 1200, 16, 11
MIN_WIDTH = 3  # pixels: narrower frames are left out of the drawing (their samples still count in their callers)


def folded(tool, recording):
    text = subprocess.run([tool, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", recording],
                          capture_output=True, text=True, check=True).stdout
    stacks = collections.Counter()
    for block in text.split("jdk.ExecutionSample {")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = re.findall(r"^\s+([\w$.<>/]+)\(", block, re.M)
        name = re.sub(r"[-#]?\d+$", "-N", thread.group(1)) if thread else "?"
        stacks[";".join([name] + list(reversed(frames)))] += 1
    return stacks


def tree(stacks):
    root = {"name": "all", "count": 0, "children": {}}
    for stack, count in stacks.items():
        node = root
        node["count"] += count
        for frame in stack.split(";"):
            node = node["children"].setdefault(frame, {"name": frame, "count": 0, "children": {}})
            node["count"] += count
    return root


def colour(name):
    if name.startswith("org.outreachexchange."):
        return "#e8a33d"
    if name.startswith(("org.hibernate.", "io.agroal.", "com.arjuna.", "io.quarkus.narayana")):
        return "#d9694a"
    if name.startswith(("org.postgresql.",)):
        return "#4a8fd9"
    if name.startswith(("org.bouncycastle.", "sun.security.")):
        return "#9b59b6"
    if name.startswith(("com.fasterxml.jackson.",)):
        return "#5fb36b"
    if name.startswith(("org.apache.kafka.", "io.smallrye.reactive.messaging")):
        return "#c0b23a"
    return "#c8c8c8"


def draw(root, title):
    total = root["count"]
    depth = [0]
    rects = []

    def walk(node, x, level):
        width = WIDTH * node["count"] / total
        if width < MIN_WIDTH:
            return
        depth[0] = max(depth[0], level)
        rects.append((node, x, level, width))
        child_x = x
        for child in sorted(node["children"].values(), key=lambda c: c["name"]):
            walk(child, child_x, level + 1)
            child_x += WIDTH * child["count"] / total

    walk(root, 0, 0)
    height = (depth[0] + 1) * ROW + 40
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" font-family="monospace" font-size="{FONT}">',
           f'<text x="4" y="16" font-size="14">{html.escape(title)}: {total} CPU samples; hover a frame for its share</text>']
    for node, x, level, width in rects:
        y = height - (level + 1) * ROW
        share = 100 * node["count"] / total
        label = html.escape(node["name"])
        out.append(f'<g><title>{label} ({node["count"]} samples, {share:.1f} %)</title>'
                   f'<rect x="{x:.1f}" y="{y}" width="{max(width - 0.3, 0.1):.1f}" height="{ROW - 1}" fill="{colour(node["name"])}"/>')
        chars = int(width / (FONT * 0.62))
        if chars >= 4:
            short = node["name"] if len(node["name"]) <= chars else node["name"][:chars - 2] + ".."
            out.append(f'<text x="{x + 2:.1f}" y="{y + ROW - 4}">{html.escape(short)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def main(tool, recording, title, svg, *options):
    stacks = folded(tool, recording)
    with open(svg, "w") as f:
        f.write(draw(tree(stacks), title))
    if "--folded" in options:
        with open(svg.rsplit(".", 1)[0] + ".folded", "w") as f:
            f.writelines(f"{stack} {count}\n" for stack, count in stacks.most_common())


if __name__ == "__main__":
    main(*sys.argv[1:])
