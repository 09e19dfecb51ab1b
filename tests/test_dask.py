"""Scale-out recipe: ``textfix.clean`` mapped over a Dask bag of JSONL partitions.

This is the README's recipe ("Beyond one machine: Dask"), run on Dask's local
process scheduler with a small archive. Dask is an optional extra (``textfix[dask]``) and
part of the ``test`` extra, so CI runs this; it is skipped only where Dask is not installed.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import textfix
from textfix.cli import main

db = pytest.importorskip("dask.bag")

ARTICLES = [
    "Harga beras naik di Pasar Induk.\n\nBaca juga: Petani Mengeluh\n\nWarga antre sejak pagi.\n",
    "Banjir merendam tiga desa di Kabupaten Demak.\n\nFoto: Humas BPBD\n",
    "Pemerintah menyiapkan operasi pasar pekan depan.\n",
]


def clean_record(record: dict) -> dict:
    """The one function the recipe maps: clean the text field, keep the rest."""
    return {**record, "text": textfix.clean_field(record["text"])}


def test_dask_bag_recipe(tmp_path: Path):
    # A small archive: four partitions, one plain and one gzipped file among them.
    expected = []
    for part in range(4):
        lines = []
        for i, text in enumerate(ARTICLES):
            record = {"id": f"{part}-{i}", "text": text, "sumber": "uji"}
            lines.append(json.dumps(record, ensure_ascii=False) + "\n")
            expected.append(clean_record(record))
        name = tmp_path / "arsip" / f"bagian-{part}.jsonl{'.gz' if part == 3 else ''}"
        name.parent.mkdir(exist_ok=True)
        data = "".join(lines).encode("utf-8")
        name.write_bytes(gzip.compress(data) if part == 3 else data)

    bag = db.read_text(str(tmp_path / "arsip" / "*.jsonl*")).map(json.loads).map(clean_record)
    assert bag.npartitions == 4
    bag.map(json.dumps, ensure_ascii=False).to_textfiles(
        str(tmp_path / "bersih" / "*.jsonl"), scheduler="processes", num_workers=2
    )

    written = [
        json.loads(line)
        for path in sorted((tmp_path / "bersih").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(written, key=lambda r: r["id"]) == sorted(expected, key=lambda r: r["id"])
    assert all("Baca juga" not in r["text"] for r in written)
    # The recipe writes what `textfix clean` writes for the same records.
    cli = CliRunner().invoke(main, ["clean", "-q", *sorted(map(str, (tmp_path / "arsip").iterdir()))])
    assert sorted(map(json.loads, cli.stdout.splitlines()), key=lambda r: r["id"]) == sorted(
        written, key=lambda r: r["id"]
    )
