"""The `nichibei` command: a few lines over library functions per sub-command."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

EXAMPLES = {
    "release": "example:\n  nichibei release --raw raw --out output\n  nichibei release --public   # under output/public/\n"
               "  (each prints the release directory as its last line)",
    "collect": "example:\n  nichibei collect                  # every source of sources.toml, once\n"
               "  nichibei collect --only diet      # one source\n  (one line per source: added, unchanged, failed)",
    "serve": "example:\n  nichibei serve --cron '0 6 * * *'   # prints the deployment, its next run and folders",
    "verify": "example:\n  nichibei verify output/releases/1.0.0",
    "diff": "example:\n  nichibei diff output/releases/1.0.0 output/releases/1.1.0",
}


def _release(args: argparse.Namespace) -> int:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # the embedded server starts in a few seconds, but on a busy two-core machine it can take longer than
    # Prefect's 20-second default
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    from flows.release import release_flow
    from nichibei.release.lock import output_lock

    # one writer at a time: a second release on this folder stops here, before its pipeline runs
    with output_lock(Path(args.out) / "public" if args.public else Path(args.out)):
        published = release_flow(raw_dir=Path(args.raw), out_dir=Path(args.out), public=args.public,
                                 inbox=Path(args.inbox) if args.inbox else None)
    state = "published" if published.is_new else "unchanged; the latest release is"
    print(f"nichibei: {state} {published.version}", file=sys.stderr)
    print(published.path)
    return 0


def _collect(args: argparse.Namespace) -> int:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.collect import CollectOptions, collect_flow
    from nichibei.collect.http import ClientOptions
    from nichibei.collect.sources import load_sources

    load_sources(Path(args.sources))  # a bad sources file is one line, before any flow runs
    results = collect_flow(CollectOptions(Path(args.sources), Path(args.raw), Path(args.out), tuple(args.only),
                                          ClientOptions(min_interval=args.delay)))
    for r in results:
        print(r.line())
        for url, status, reason in r.failures:
            print(f"nichibei: {r.source}: {url}: {status or 'no answer'}: {reason}", file=sys.stderr)
    return 1 if any(r.failures for r in results) else 0


def _serve(args: argparse.Namespace) -> int:
    from flows.deploy import run

    return run(args)  # a known condition (a locked database, an unreachable API) is one line


def _verify(args: argparse.Namespace) -> int:
    from nichibei.release.verify import verify_release

    problems = verify_release(Path(args.release_dir))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"nichibei: {args.release_dir} is NOT whole: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"{args.release_dir}: whole (checksums and schemas verified)")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from nichibei.release.diff import diff_releases

    diff = diff_releases(Path(args.old), Path(args.new))
    print(diff.summary_markdown() if args.summary else diff.markdown(limit=args.limit), end="")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nichibei",
        description="Build, verify and compare releases of the Nichibei dataset of US–Japan meetings.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  nichibei release && nichibei verify \"$(nichibei release | tail -1)\"",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    r = sub.add_parser("release", help="run the pipeline and publish a new release if the data changed",
                       description="Run the whole pipeline as a Prefect flow (embedded, no server) over the raw "
                                   "documents and publish a new release under OUT/releases/<version>/. Prints the "
                                   "release directory as the last line of stdout; logs go to stderr.",
                       epilog=EXAMPLES["release"], formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("--raw", default="raw", metavar="DIR", help="folder of raw documents (default: raw)")
    r.add_argument("--out", default="output", metavar="DIR", help="output folder (default: output)")
    r.add_argument("--public", action="store_true",
                   help="build a release fit to publish, under OUT/public/: full texts whose licence (sources.csv) "
                        "does not allow redistribution are withheld; metadata, offsets and short quotations stay")
    r.add_argument("--inbox", metavar="DIR", help="first take the documents dropped in DIR (and their "
                                                 "sources.csv rows) into the raw folder")
    r.set_defaults(func=_release)
    c = sub.add_parser("collect", help="fetch what is new from the configured sources into the raw folder, once",
                       description="Fetch each source of the sources file once (Diet record API, feeds, listing "
                                   "pages) and store what is new in the raw folder, with its sources.csv row. A "
                                   "failing source is reported and the others go on (exit 1 if any failed).",
                       epilog=EXAMPLES["collect"], formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("--sources", default="sources.toml", metavar="FILE", help="sources file (default: sources.toml)")
    c.add_argument("--raw", default="raw", metavar="DIR", help="folder of raw documents (default: raw)")
    c.add_argument("--out", default="output", metavar="DIR",
                   help="output folder, for the collection state and log (default: output)")
    c.add_argument("--only", action="append", default=[], metavar="NAME", help="collect only this source (repeatable)")
    c.add_argument("--delay", type=float, default=1.0, metavar="SECONDS",
                   help="seconds between two requests to one host (default: 1)")
    c.set_defaults(func=_collect)
    s = sub.add_parser("serve", help="serve the scheduled collect-then-release flow (a Prefect deployment)",
                       description="Register the collect-then-release flow as a Prefect deployment with a cron "
                                   "schedule, print its name, schedule, next run and folders, and serve it.",
                       epilog=EXAMPLES["serve"], formatter_class=argparse.RawDescriptionHelpFormatter)
    from flows.deploy import add_arguments

    add_arguments(s)
    s.set_defaults(func=_serve)
    v = sub.add_parser("verify", help="check a release's checksums and schemas",
                       description="Check a published release: every file against SHA256SUMS and "
                                   "datapackage.json, every table against its schema. Exit 0 only if whole.",
                       epilog=EXAMPLES["verify"], formatter_class=argparse.RawDescriptionHelpFormatter)
    v.add_argument("release_dir", metavar="RELEASE_DIR", help="the release directory")
    v.set_defaults(func=_verify)
    d = sub.add_parser("diff", help="compare two releases table by table",
                       description="Schema changes and rows added, removed and changed per table between two "
                                   "release directories: a summary table, then every row by its primary key, with "
                                   "the old and new values of each changed column.",
                       epilog=EXAMPLES["diff"], formatter_class=argparse.RawDescriptionHelpFormatter)
    d.add_argument("old", metavar="OLD", help="the older release directory")
    d.add_argument("new", metavar="NEW", help="the newer release directory")
    d.add_argument("--limit", type=int, default=None, metavar="N",
                   help="list at most N rows per table and kind (default: all)")
    d.add_argument("--summary", action="store_true", help="the summary table only")
    d.set_defaults(func=_diff)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except Exception as exc:  # noqa: BLE001 - the contract: a one-line reason on stderr, non-zero exit
        print(f"nichibei: {type(exc).__name__}: {exc}".splitlines()[0], file=sys.stderr)
        if os.environ.get("NICHIBEI_DEBUG"):
            raise
        return 1


if __name__ == "__main__":
    sys.exit(main())
