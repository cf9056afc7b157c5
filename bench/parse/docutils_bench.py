"""Times docutils.core.publish_doctree over benchmark pages (called by run.mjs).

Usage: /usr/bin/python3 docutils_bench.py DIR STRIDE REPEAT FILE...

Parses every STRIDE-th FILE (0, STRIDE, 2*STRIDE, ...) of DIR, REPEAT times
over, and prints one JSON object: files, bytes, seconds (the fastest pass: sum
of per-file publish_doctree time, file reading excluded), medianSeconds,
passes (every pass's seconds), cpuSeconds (the fastest pass in process CPU time), peak RSS, and the number of docutils system messages of
level >= 2 (WARNING/ERROR/SEVERE), which should be 0 on the generated corpus.

Sphinx's `ref`, `doc` and `numref` roles are unknown to plain docutils; they are
registered here as trivial roles that return an `inline` node with the title, so that
docutils parses them as interpreted text instead of producing an error report
and a `problematic` node for each use. `table`, `note`, `figure`, `image` and
`code-block` are docutils' own directives. Syntax highlighting is off
(`syntax_highlight: none`), so docutils does not spend time in Pygments:
docdrift does no highlighting either.
"""

import io
import json
import os
import re
import resource
import sys
import time

import docutils
import docutils.core
from docutils import nodes
from docutils.parsers.rst import roles


def sphinx_xref_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    # Mimic the shape of Sphinx's XRefRole: "title <target>" or "target".
    m = re.match(r'^(.+?)\s*<(.+)>$', text, re.S)
    title, target = (m.group(1), m.group(2)) if m else (text, text)
    node = nodes.inline(rawtext, title, classes=['xref', name], reftarget=target)
    return [node], []


for role_name in ('ref', 'doc', 'numref'):
    roles.register_local_role(role_name, sphinx_xref_role)


def peak_rss_kb():
    # VmHWM is this process image's own high-water mark. ru_maxrss is not: on
    # Linux it survives fork+exec, so a child of a big Node process would
    # report the parent's RSS at the time of the fork.
    try:
        with open('/proc/self/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux


def main():
    directory, stride, repeat, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    sample = files[::stride]
    texts = []
    for name in sample:
        with open(os.path.join(directory, name), encoding='utf-8') as f:
            texts.append((name, f.read()))
    total_bytes = sum(len(text.encode('utf-8')) for _, text in texts)

    warnings = io.StringIO()
    settings = {
        'report_level': 2,
        'halt_level': 5,
        'warning_stream': warnings,
        'syntax_highlight': 'none',
        'file_insertion_enabled': False,
        'raw_enabled': False,
        '_disable_config': True,
    }
    passes = []
    cpu_passes = []
    for k in range(max(1, repeat)):
        if k > 0:
            warnings.seek(0)
            warnings.truncate()
        seconds = 0.0
        cpu_seconds = 0.0
        for name, text in texts:
            c0 = time.process_time()
            t0 = time.perf_counter()
            docutils.core.publish_doctree(text, source_path=name, settings_overrides=settings)
            seconds += time.perf_counter() - t0
            cpu_seconds += time.process_time() - c0
        passes.append(seconds)
        cpu_passes.append(cpu_seconds)
    ordered = sorted(passes)

    messages = re.findall(r'\((?:WARNING/2|ERROR/3|SEVERE/4)\)', warnings.getvalue())
    first = warnings.getvalue().splitlines()[:5]
    peak_kb = peak_rss_kb()
    print(json.dumps({
        'docutils': docutils.__version__,
        'python': sys.version.split()[0],
        'files': len(texts),
        'bytes': total_bytes,
        'seconds': ordered[0],
        'medianSeconds': ordered[len(ordered) // 2],
        'passes': passes,
        'cpuSeconds': min(cpu_passes),
        'peakRssBytes': peak_kb * 1024,
        'messages': len(messages),
        'firstMessages': first,
    }))


if __name__ == '__main__':
    main()
