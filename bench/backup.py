"""A backup of a shop with a year of customers' photos: how long Back up now (and the daily backup)
takes, against copying the same files (the least any backup must do: read each file and write it
again on the backup's disk).

The shop: a database of `--messages` messages (bench.make_db) and `--media-mb` of photos (random bytes:
a JPEG does not compress either). Figure: `app.backup.create_backup` into another folder; baseline:
every file of the data folder read and written again, same run, same disk.

    python -m bench.backup [--media-mb 300] [--messages 20000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import emit


def copy_every_file(source: Path, target: Path) -> None:
    """The least a backup does: every file read and written again (no copy-on-write shortcut)."""
    for file in source.rglob("*"):
        if file.is_file():
            out = target / file.relative_to(source)
            out.parent.mkdir(parents=True, exist_ok=True)
            with open(file, "rb") as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--media-mb", type=int, default=300)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from app.backup import create_backup
    from app.paths import paths_for

    with tempfile.TemporaryDirectory() as tmp:
        paths = paths_for(Path(tmp) / "shop").ensure()
        sizes = ["--messages", str(args.messages), "--contacts", str(max(10, args.messages // 20))]
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.make_db",
                str(paths.database),
                *sizes,
                "--big-chat",
                str(args.messages // 5),
            ],
            cwd=Path(__file__).resolve().parent.parent,
            check=True,
            capture_output=True,
        )
        photo = 1_500_000
        for n in range(args.media_mb * 1_000_000 // photo):
            folder = paths.media_dir / f"{n % 12:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"photo-{n}.jpg").write_bytes(os.urandom(photo))

        def timed(work: object) -> float:
            runs = []
            for i in range(args.repeat):
                out = Path(tmp) / f"out-{i}"
                start = time.perf_counter()
                assert callable(work)
                work(out)
                runs.append(time.perf_counter() - start)
                shutil.rmtree(out, ignore_errors=True)
            return sorted(runs)[len(runs) // 2]

        emit(
            f"backup: {args.messages:,} messages and {args.media_mb} MB of photos",
            timed(lambda out: create_backup(paths, out / "backup.zip")),
            "s",
            baseline=timed(lambda out: copy_every_file(paths.data_dir, out)),
            baseline_name="each file of the data folder read and written again",
        )


if __name__ == "__main__":
    main()
