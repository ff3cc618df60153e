"""The scheduled deployment: collect new documents from the inbox and cut a release when the data changed.

Serve it with `python -m flows.deploy` (a long-running process that runs the flow on its schedule; Prefect
server or Cloud as configured in the environment). The flow publishes nothing new when nothing changed.
"""

from __future__ import annotations

import argparse

from prefect import serve
from prefect.deployments.runner import RunnerDeployment

from flows.release import release_flow

DEFAULT_CRON = "0 6 * * *"  # daily, 06:00 UTC


def deployment(cron: str = DEFAULT_CRON, raw_dir: str = "raw", out_dir: str = "output",
               inbox: str = "inbox", public: bool = False) -> RunnerDeployment:
    return release_flow.to_deployment(
        name="nichibei-scheduled-release",
        cron=cron,
        parameters={"raw_dir": raw_dir, "out_dir": out_dir, "inbox": inbox, "public": public},
        description="Collect new documents from the inbox and publish a release when the data changed.",
        tags=["nichibei"],
    )


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="Serve the scheduled Nichibei release.",
                                epilog="example:\n  python -m flows.deploy --cron '0 6 * * *' --inbox inbox",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cron", default=DEFAULT_CRON, help="schedule, cron syntax (default: daily 06:00 UTC)")
    p.add_argument("--raw", default="raw", help="raw folder (default: raw)")
    p.add_argument("--out", default="output", help="output folder (default: output)")
    p.add_argument("--inbox", default="inbox", help="folder new documents are dropped in (default: inbox)")
    p.add_argument("--public", action="store_true", help="publish public releases (see nichibei release --help)")
    args = p.parse_args(argv)
    serve(deployment(args.cron, args.raw, args.out, args.inbox, args.public))


if __name__ == "__main__":
    main()
