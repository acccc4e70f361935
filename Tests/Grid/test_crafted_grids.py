"""Crafted grids that would score otherwise than they show: each is refused, naming its cell or
part, and LibreOffice Calc (recalculating on load) shows where it is opened what makes the grid a
lie: a mandatory criterion not met, where the cached or first copy says met.

Every case starts from a grid filled with every criterion met (eligible, three stars); the
status of A1, a mandatory criterion, is at Grille!I3.
"""
import json
import pathlib
import re
import zipfile

import openpyxl
import pytest

from test_grid import CONFORMANCE, ecoprod, libreoffice, render  # noqa: F401 (libreoffice is a fixture)

MET = '<c r="I3" s="5" t="inlineStr"><is><t>Rempli</t></is></c>'


def filled(tmp_path):
    return render(tmp_path / "filled.xlsx", answers=CONFORMANCE / "ecoprod-label-1.1.0" / "all-met.answers.json")


def rewrite(source, target, edits, extra=()):
    """A copy of `source` with `edits` (part name -> function of its text) applied, and
    `extra` (part name, text) entries appended after the others."""
    with zipfile.ZipFile(source) as reader, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as writer:
        for item in reader.infolist():
            data = reader.read(item.filename)
            if item.filename in edits:
                text = data.decode()
                changed = edits[item.filename](text)
                assert changed != text, f"the edit of {item.filename} changed nothing"
                data = changed.encode()
            writer.writestr(item, data)
        for name, text in extra:
            with pytest.warns(UserWarning):
                writer.writestr(name, text)
    return target


def grid_part(source):
    with zipfile.ZipFile(source) as reader:
        return reader.read("xl/worksheets/sheet2.xml").decode()


def cases(source, tmp_path):
    """Each crafted grid, with the code and the place its refusal must name."""
    not_met = grid_part(source).replace(MET, '<c r="I3" s="5" t="inlineStr"><is><t>Non rempli</t></is></c>')
    sheet2 = "xl/worksheets/sheet2.xml"
    return {
        "formula-disagrees": (
            rewrite(source, tmp_path / "f.xlsx", {sheet2: lambda t: t.replace(MET, '<c r="I3" s="5" t="str"><f>"Non rempli"</f><v>Rempli</v></c>')}),
            "X113", "Grille!I3"),
        "formula-without-value": (
            rewrite(source, tmp_path / "v.xlsx", {sheet2: lambda t: t.replace(MET, '<c r="I3" s="5" t="str"><f>"Rempli"</f></c>')}),
            "X113", "Grille!I3"),
        "reference-past-the-last-column": (
            rewrite(source, tmp_path / "r.xlsx", {sheet2: lambda t: t.replace(MET, MET.replace('r="I3"', 'r="XFE3"'))}),
            "X112", "Grille!XFE3"),
        "part-twice": (
            rewrite(source, tmp_path / "d.xlsx", {}, extra=[(sheet2, not_met)]),
            "X112", sheet2),
        "sheet-name-twice": (
            rewrite(source, tmp_path / "n.xlsx", {"xl/workbook.xml": lambda t: t.replace('name="Production"', 'name="Grille"')}),
            "X112", "Grille"),
        "hidden-note": (
            rewrite(source, tmp_path / "h.xlsx", {"xl/worksheets/sheet4.xml": lambda t: t.replace(
                '<is><t>preserved</t></is></c></row>',
                '<is><t>preserved</t></is></c><c r="B8" t="inlineStr"><is><t>{"answers":{"A1":{"note":"checked by AFNOR"}}}</t></is></c></row>')}),
            "X110", None),
    }


def test_every_crafted_grid_is_refused_at_its_place(tmp_path):
    source = filled(tmp_path)
    assert ecoprod("import", source, "--output", tmp_path / "clean.json").returncode == 0
    for name, (grid, code, place) in cases(source, tmp_path).items():
        result = ecoprod("import", grid, "--diagnostics-format", "json", check=False)
        assert result.returncode == 1, f"{name}: imported"
        found = json.loads(result.stdout)["diagnostics"]
        assert any(d["code"] == code for d in found), f"{name}: {found}"
        if place is not None:
            assert any(d.get("cell") == place for d in found if d["code"] == code), f"{name}: {found}"
        scored = ecoprod("score", grid, check=False)
        assert scored.returncode == 1 and b"eligible" not in scored.stdout, f"{name}: scored"


def test_libreoffice_shows_the_lie_the_refusals_prevent(tmp_path, libreoffice):
    """What Calc shows for A1's status where the first copy or the cached value says Rempli."""
    source = filled(tmp_path)
    crafted = cases(source, tmp_path)
    names = ["formula-disagrees", "part-twice"]
    for name, converted in zip(names, libreoffice([crafted[name][0] for name in names])):
        status = openpyxl.load_workbook(converted, data_only=True)["Grille"]["I3"].value
        assert status == "Non rempli", f"{name}: LibreOffice shows {status!r}"
