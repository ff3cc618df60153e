"""The scheduled deployment: collect from the configured sources and the inbox, then cut a release when the data
changed. `python -m flows.deploy` (or `nichibei serve`) registers it, prints its name, schedule, next run and
folders, and serves it: a long-running process that runs the flow on its schedule (against the Prefect server
of the environment, or an embedded one). With a Prefect server and a work pool, `prefect deploy` and
`prefect.yaml` deploy the same flow instead.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

# read by Prefect when first imported (Prefect is imported only when needed, so `--help` is quick): no
# telemetry, and a console that shows what matters
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

DEFAULT_CRON = "0 6 * * *"  # daily, 06:00 UTC
NAME = "nichibei-collect-release"


@dataclass(frozen=True)
class ServeOptions:
    cron: str = DEFAULT_CRON
    timezone: str = "UTC"
    sources: str = "sources.toml"
    raw_dir: str = "raw"
    out_dir: str = "output"
    inbox: str = "inbox"
    public: bool = False


def deployment(options: ServeOptions = ServeOptions()) -> "RunnerDeployment":
    from prefect.client.schemas.schedules import CronSchedule

    from flows.collect import collect_release_flow

    return collect_release_flow.to_deployment(
        name=NAME,
        schedule=CronSchedule(cron=options.cron, timezone=options.timezone),
        parameters={"sources": options.sources, "raw_dir": options.raw_dir, "out_dir": options.out_dir,
                    "inbox": options.inbox, "public": options.public},
        description="Collect from the configured sources and the inbox; publish a release when the data changed.",
        tags=["nichibei"],
    )


def next_run(cron: str, timezone: str = "UTC") -> datetime:
    from prefect.server.schemas.schedules import CronSchedule

    return asyncio.run(CronSchedule(cron=cron, timezone=timezone).get_dates(n=1))[0]


def summary(d: "RunnerDeployment", options: ServeOptions) -> str:
    return "\n".join([
        f"deployment: {d.flow_name}/{d.name}",
        f"schedule:   {options.cron} ({options.timezone})",
        f"next run:   {next_run(options.cron, options.timezone):%Y-%m-%d %H:%M %Z}",
        f"sources:    {options.sources}",
        f"inbox:      {options.inbox}/ (files dropped here are taken first)",
        f"raw:        {options.raw_dir}/ (documents, and sources.csv)",
        f"releases:   {options.out_dir}/{'public/' if options.public else ''}releases/",
        f"run now:    prefect deployment run '{d.flow_name}/{d.name}'",
    ])


def register(d: "RunnerDeployment") -> UUID:
    """Create or update the deployment and its schedule on the Prefect API (without serving it)."""
    return d.apply()


def serve(d: "RunnerDeployment", **kwargs) -> None:
    """Run the deployment on its schedule until interrupted."""
    from prefect import serve as prefect_serve

    prefect_serve(d, **kwargs)


def known_failure(exc: BaseException) -> str | None:
    """One line with what to do, for a condition that is not a bug; None otherwise."""
    text = f"{type(exc).__name__}: {exc}"
    for cause in (exc.__cause__, exc.__context__):
        if cause is not None:
            text += f" {type(cause).__name__}: {cause}"
    if "database is locked" in text:
        return ("the Prefect database is locked by another Prefect process: stop it, or give this one its own "
                "with PREFECT_HOME=<folder>, or point PREFECT_API_URL at a running Prefect server")
    if any(s in text for s in ("ConnectError", "Connection refused", "Failed to reach API", "Name or service not known",
                               "nodename nor servname", "ConnectTimeout")):
        return ("the Prefect API is unreachable: start it with `prefect server start`, or unset PREFECT_API_URL "
                "to use an embedded one")
    return None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m flows.deploy",
                                description="Serve the scheduled collection and release of Nichibei.",
                                epilog="example:\n  python -m flows.deploy --cron '0 6 * * *' --inbox inbox",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(p)
    return run(p.parse_args(argv))


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cron", default=DEFAULT_CRON, help="schedule, cron syntax (default: daily 06:00)")
    p.add_argument("--timezone", default="UTC", help="time zone of the schedule (default: UTC)")
    p.add_argument("--sources", default="sources.toml", metavar="FILE", help="sources file (default: sources.toml)")
    p.add_argument("--raw", default="raw", metavar="DIR", help="raw folder (default: raw)")
    p.add_argument("--out", default="output", metavar="DIR", help="output folder (default: output)")
    p.add_argument("--inbox", default="inbox", metavar="DIR",
                   help="folder new documents are dropped in (default: inbox)")
    p.add_argument("--public", action="store_true", help="publish public releases (see nichibei release --help)")
    p.add_argument("--register-only", action="store_true",
                   help="create the deployment and its schedule, print them, and exit without serving")


def run(args: argparse.Namespace) -> int:
    options = ServeOptions(args.cron, args.timezone, args.sources, args.raw, args.out, args.inbox, args.public)
    try:
        d = deployment(options)
        register(d)
        print(summary(d, options), flush=True)
        if not args.register_only:
            serve(d, print_starting_message=False)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a known condition is one line with what to do
        line = known_failure(exc)
        if line is None:
            raise
        print(f"nichibei serve: {line}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
