"""The xlsx grid, read by the clients productions and auditors actually use.

- openpyxl (an independent reader) checks the structure, the drop-downs and the protection
  against the bundle;
- LibreOffice Calc, headless, recalculates the Score sheet of grids pre-filled from every case of
  Tests/Conformance/ and from 50 seeded random answer sets, and must give the reference scorer's
  figures for every scheme; the cached values are stripped first, so every figure compared is
  LibreOffice's own;
- a grid re-saved by LibreOffice (shared strings, its own part names and styles) imports to the
  same answer set.

Run by .ci/run after `swift build`: `python3 -m pytest -q Tests/Grid` (ECOPROD_BINARY picks the
binary; LibreOffice must be installed: the tests fail, never skip, without it).
"""
import copy
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import zipfile

import jsonschema
import openpyxl
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ECOPROD_BINARY", str(ROOT / ".build" / "debug" / "ecoprod"))
RELEASES = ROOT / "Framework" / "releases"
CONFORMANCE = ROOT / "Tests" / "Conformance"
LATEST = RELEASES / "ecoprod-label-1.1.0.json"


def ecoprod(*arguments, check=True, stdin=None):
    result = subprocess.run([BINARY, *map(str, arguments)], capture_output=True, input=stdin, timeout=120, cwd=ROOT)
    if check and result.returncode != 0:
        raise AssertionError(f"ecoprod {' '.join(map(str, arguments))} failed:\n{result.stderr.decode()}")
    return result


def bundle_of(version):
    return json.loads((RELEASES / f"ecoprod-label-{version}.json").read_text())


def render(path, bundle_version="1.1.0", answers=None, locale=None):
    arguments = ["render", RELEASES / f"ecoprod-label-{bundle_version}.json", "--format", "xlsx", "--output", path, "--force"]
    if answers is not None:
        arguments += ["--answers", answers]
    if locale is not None:
        arguments += ["--locale", locale]
    ecoprod(*arguments)
    return path


def reference_scores(answers_path, bundle):
    """The reference scorer's report for the answers under every scheme of the bundle."""
    answers = json.loads(pathlib.Path(answers_path).read_text())
    reports = {}
    for scheme in bundle["scoring"]["schemes"]:
        variant = copy.deepcopy(answers)
        variant["production"]["scheme"] = scheme["id"]
        result = ecoprod("score", "-", "--format", "json", stdin=json.dumps(variant).encode())
        reports[scheme["id"]] = json.loads(result.stdout)
    return reports


def strip_cached_values(source, target):
    """A copy of a workbook with every formula's cached value removed."""
    with zipfile.ZipFile(source) as reader, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as writer:
        for item in reader.infolist():
            data = reader.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"(</f>)<v>[^<]*</v>", rb"\1", data)
                assert b"</f><v>" not in data
            writer.writestr(item, data)


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory):
    """Converts workbooks with LibreOffice Calc, forcing recalculation on load (profile setting)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice Calc is required (Debian: libreoffice-calc-nogui)"
    profile = tmp_path_factory.mktemp("lo-profile")
    (profile / "user").mkdir()
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n'
        "</oor:items>\n"
    )

    def convert(paths, target="xlsx"):
        out = tmp_path_factory.mktemp("lo-out")
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target, "--outdir", str(out), *map(str, paths)],
            capture_output=True, timeout=900,
        )
        assert result.returncode == 0, result.stderr.decode()
        converted = [out / (pathlib.Path(p).stem + "." + target) for p in paths]
        missing = [str(p) for p in converted if not p.exists()]
        assert not missing, f"LibreOffice wrote no {missing}: {result.stderr.decode()}"
        return converted

    return convert


def score_sheet(path):
    """The Score sheet's figures, as a spreadsheet shows them (data_only: the computed values)."""
    workbook = openpyxl.load_workbook(path, data_only=True)
    sheet = workbook["Score"]
    rows = list(sheet.iter_rows(values_only=True))
    figures = {"points": rows[2][1], "applicable_points": rows[3][1], "basis_points": round(rows[4][1] * 10000), "missing": rows[5][1], "schemes": [], "departments": {}}
    index = 8
    while rows[index][0] is not None:
        title, _, _, reached, eligible, stars, needed = rows[index][:7]
        figures["schemes"].append({"eligible": bool(eligible), "stars": stars, "points_needed": needed, "reached": bool(reached)})
        index += 1
    figures["mandatory"] = {}
    in_mandatory = False
    for row in rows[index:]:
        if row[0] in ("Critères obligatoires", "Mandatory criteria"):
            in_mandatory = True
        elif in_mandatory and row[0]:
            figures["mandatory"][row[0].split(" — ")[0]] = row[1]
        elif row[0] and " — " in str(row[0]) and isinstance(row[1], (int, float)):
            figures["departments"][row[0].split(" — ")[0]] = (row[1], row[2], round(row[3] * 10000))
    return figures


def assert_matches_reference(figures, reports, bundle, label):
    first = next(iter(reports.values()))
    assert figures["points"] == first["points"], label
    assert figures["applicable_points"] == first["applicable_points"], label
    expected_bp = int(first["percent"].replace(".", ""))
    assert figures["basis_points"] == expected_bp, f"{label}: {figures['basis_points']} != {first['percent']}"
    assert figures["missing"] == len(first["mandatory"]["missing"]), label
    named = {id for id, state in figures["mandatory"].items() if state in ("Non rempli", "Not met")}
    assert named == set(first["mandatory"]["missing"]), f"{label}: the mandatory table names {named}"
    assert len(figures["mandatory"]) == len([c for c in bundle["criteria"] if c["mandatory"]]), label
    for scheme, shown in zip(bundle["scoring"]["schemes"], figures["schemes"]):
        report = reports[scheme["id"]]
        assert shown["eligible"] == report["eligible"], f"{label}: {scheme['id']} eligible"
        assert shown["stars"] == report["stars"], f"{label}: {scheme['id']} stars"
        assert shown["points_needed"] == report["points_needed"], f"{label}: {scheme['id']} points needed"
    for department in first["departments"]:
        met, applicable, bp = figures["departments"][department["id"]]
        assert (met, applicable) == (department["points"], department["applicable_points"]), f"{label}: {department['id']}"
        assert bp == int(department["percent"].replace(".", "")), f"{label}: {department['id']} percent"


def conformance_cases():
    cases = []
    for kit in sorted(CONFORMANCE.glob("ecoprod-label-*")):
        version = kit.name.removeprefix("ecoprod-label-")
        for answers in sorted(kit.glob("*.answers.json")):
            expected = json.loads(answers.with_name(answers.name.replace(".answers.json", ".expected.json")).read_text())
            cases.append((version, answers, expected))
    return cases


# MARK: An independent reader agrees with the bundle


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_openpyxl_reads_every_criterion_as_the_bundle_has_it(tmp_path, locale):
    bundle = bundle_of("1.1.0")
    workbook = openpyxl.load_workbook(render(tmp_path / "grid.xlsx", locale=locale))
    assert workbook.sheetnames == ["Production", "Grille" if locale == "fr" else "Grid", "Score", "ecoprod"]
    grid = workbook.worksheets[1]
    rows = {row[0]: row for row in grid.iter_rows(min_row=2, values_only=True) if row[0]}
    mandatory_word = {"fr": ("Oui", "Non"), "en": ("Yes", "No")}[locale]
    for criterion in bundle["criteria"]:
        row = rows[criterion["id"]]
        assert row[1] == criterion["title"][locale]
        assert row[2] == criterion["guidance"][locale]
        assert row[3] == criterion["points"]
        assert row[4] == mandatory_word[0 if criterion["mandatory"] else 1]
        assert row[7] == "\n".join(item[locale] for item in criterion["evidence"])
        titles = {t["id"]: t["title"][locale] for t in bundle["production_types"]}
        every = {"fr": "Tous les types", "en": "All types"}[locale]
        assert row[6] == (every if set(criterion["applies_to"]) == set(titles) else ", ".join(titles[t] for t in criterion["applies_to"]))
    assert len([key for key in rows if key not in {d["id"] for d in bundle["departments"]}]) == len(bundle["criteria"])
    identity = workbook["ecoprod"]
    assert identity.sheet_state == "hidden"
    assert [identity.cell(row, 2).value for row in range(1, 5)] == ["ecoprod-grid/1", "ecoprod-label", "1.1.0", bundle["digest"]]


def test_openpyxl_sees_the_drop_downs_and_the_protection(tmp_path):
    bundle = bundle_of("1.1.0")
    workbook = openpyxl.load_workbook(render(tmp_path / "grid.xlsx"))
    production, grid = workbook["Production"], workbook["Grille"]
    validations = {str(v.sqref): v for v in production.data_validations.dataValidation}
    assert validations["B4"].type == "list" and validations["B4"].formula1 == "ecoprod!$E$1:$E$7"
    assert validations["B5"].formula1 == "ecoprod!$H$1:$H$2"
    identity = workbook["ecoprod"]
    assert [identity.cell(row, 5).value for row in range(1, 8)] == [t["title"]["fr"] for t in bundle["production_types"]]
    statuses = {v.formula1: str(v.sqref) for v in grid.data_validations.dataValidation}
    assert set(statuses) == {'"Rempli,Non rempli,Non applicable"', '"Rempli,Non rempli"'}
    ids = {row[0].value: row[0].row for row in grid.iter_rows(min_row=2) if row[0].value}
    mandatory_cells = statuses['"Rempli,Non rempli"'].split()
    for criterion in bundle["criteria"]:
        cell = f"I{ids[criterion['id']]}"
        covered = any(cell == part or (":" in part and _in_range(cell, part)) for part in mandatory_cells)
        assert covered == criterion["mandatory"], criterion["id"]
    for sheet in (production, grid, workbook["Score"], identity):
        assert sheet.protection.sheet and not sheet.protection.password
    row = ids["A1"]
    for column in "ABCDEFGH":
        assert grid[f"{column}{row}"].protection.locked, column
    for column in "IJKL":
        assert not grid[f"{column}{row}"].protection.locked, column
    assert not production["B3"].protection.locked and not production["B4"].protection.locked
    assert grid.freeze_panes == "C2" and grid.auto_filter.ref.startswith("A1:M")
    assert grid.page_setup.orientation == "landscape" and grid.page_setup.paperSize in (9, "9")
    assert grid.print_title_rows == "$1:$1"


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_a_printed_grid_says_whose_it_is_on_every_page(tmp_path, locale):
    answers = CONFORMANCE / "ecoprod-label-1.1.0" / "one-mandatory-missing.answers.json"
    title = json.loads(answers.read_text())["production"]["title"]
    workbook = openpyxl.load_workbook(render(tmp_path / "grid.xlsx", answers=answers, locale=locale))
    grid_name = "Grille" if locale == "fr" else "Grid"
    for sheet in workbook.worksheets[:3]:
        assert sheet.oddHeader.left.text == title, sheet.title
        assert sheet.oddHeader.right.text == "ecoprod-label 1.1.0", sheet.title
        assert sheet.oddFooter.right.text == "Page &P / &N", sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth in (1, "1")
        assert sheet.page_setup.fitToHeight in (0, "0") and sheet.page_setup.orientation == "landscape"
        assert sheet.print_area and sheet.print_area.startswith(f"'{sheet.title}'!$A$1:"), sheet.print_area
    grid = workbook[grid_name]
    assert grid.print_title_rows == "$1:$1"
    assert grid.print_area == f"'{grid_name}'!$A$1:$M${grid.max_row}"
    assert grid.column_dimensions["E"].width >= len("Obligatoire") + 2
    score = workbook["Score"]
    yes, no = ("Oui", "Non") if locale == "fr" else ("Yes", "No")
    assert score["E9"].number_format == f'"{yes}";"{yes}";"{no}"' and score["D9"].number_format == score["E9"].number_format
    assert score["F9"].number_format == '[=0]"—";0" ★"'
    blank = openpyxl.load_workbook(render(tmp_path / "blank.xlsx", locale=locale))
    assert blank.worksheets[1].oddHeader.left.text == "Production"


def _in_range(cell, part):
    start, end = part.split(":")
    return start[0] == cell[0] and int(start[1:]) <= int(cell[1:]) <= int(end[1:])


# MARK: Cached values, and LibreOffice's own recalculation, agree with the reference scorer


@pytest.mark.parametrize("version,answers,expected", conformance_cases(), ids=lambda value: getattr(value, "name", str(value))[:40])
def test_cached_values_are_the_reference_scorers(tmp_path, version, answers, expected):
    grid = tmp_path / "grid.xlsx"
    if "errors" in expected:
        result = ecoprod("render", RELEASES / f"ecoprod-label-{version}.json", "--format", "xlsx", "--output", grid, "--answers", answers, "--diagnostics-format", "json", check=False)
        assert result.returncode == 1
        codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
        assert codes == {e["code"] for e in expected["errors"]}
        return
    render(grid, version, answers)
    assert_matches_reference(score_sheet(grid), reference_scores(answers, bundle_of(version)), bundle_of(version), answers.name)


def test_libreoffice_recalculates_every_conformance_case(tmp_path, libreoffice):
    prepared = []
    for version, answers, expected in conformance_cases():
        if "errors" in expected:
            continue
        grid = render(tmp_path / f"{version}-{answers.name}.xlsx", version, answers)
        stripped = tmp_path / "stripped" / grid.name
        stripped.parent.mkdir(exist_ok=True)
        strip_cached_values(grid, stripped)
        prepared.append((version, answers, stripped))
    assert len(prepared) >= 14
    for (version, answers, _), recalculated in zip(prepared, libreoffice([p for _, _, p in prepared])):
        assert_matches_reference(score_sheet(recalculated), reference_scores(answers, bundle_of(version)), bundle_of(version), f"{version} {answers.name}")


def random_answers(seed, bundle):
    generator = random.Random(seed)
    policy = bundle["scoring"]["not_applicable"]
    answers = {}
    for criterion in bundle["criteria"]:
        choices = ["met", "not-met", None] + ([] if criterion["mandatory"] and not policy["mandatory_allowed"] else ["not-applicable"])
        status = generator.choice(choices)
        if status is None:
            continue
        answer = {"status": status}
        if generator.random() < 0.5:
            answer["evidence"] = [f"pièce n°{generator.randint(1, 99)} — « {criterion['id']} »" for _ in range(generator.randint(1, 3))]
        if generator.random() < 0.3:
            answer["note"] = f"Note à revoir\nligne 2 ({seed})"
        answers[criterion["id"]] = answer
    return {
        "framework": {"id": "ecoprod-label", "version": bundle["framework"]["version"], "digest": bundle["digest"]},
        "production": {
            "title": f"Production n°{seed} — « été »",
            "type": generator.choice(bundle["production_types"])["id"],
            "scheme": generator.choice(bundle["scoring"]["schemes"])["id"],
        },
        "answers": answers,
    }


def test_libreoffice_recalculates_fifty_random_answer_sets(tmp_path, libreoffice):
    bundle = bundle_of("1.1.0")
    prepared = []
    for seed in range(50):
        answers = tmp_path / f"random-{seed}.answers.json"
        answers.write_text(json.dumps(random_answers(seed, bundle), ensure_ascii=False))
        grid = render(tmp_path / f"random-{seed}.xlsx", "1.1.0", answers)
        stripped = tmp_path / "stripped" / grid.name
        stripped.parent.mkdir(exist_ok=True)
        strip_cached_values(grid, stripped)
        prepared.append((answers, stripped))
    for (answers, _), recalculated in zip(prepared, libreoffice([p for _, p in prepared])):
        assert_matches_reference(score_sheet(recalculated), reference_scores(answers, bundle), bundle, answers.name)


# MARK: Round trips


def rich_answers(bundle):
    answers = random_answers(7, bundle)
    first = bundle["criteria"][0]["id"]
    answers["answers"][first] = {
        "status": "met",
        "evidence": ["Attestation signée — « Élodie »", "Facture n°42 (œuvre)"],
        "note": "Première ligne\nDeuxième ligne, accentuée : été, à, ç",
        "reviewer": {"name": "Zoë", "checked": True},
    }
    answers["production"]["budget_band"] = "B"
    answers["custom"] = {"kept": [1, 2, 3]}
    return answers


def test_answers_grid_import_gives_the_same_answer_set(tmp_path):
    bundle = bundle_of("1.1.0")
    answers = tmp_path / "rich.answers.json"
    answers.write_text(json.dumps(rich_answers(bundle), ensure_ascii=False))
    grid = render(tmp_path / "rich.xlsx", "1.1.0", answers)
    imported = json.loads(ecoprod("import", grid).stdout)
    assert imported == json.loads(answers.read_text())
    jsonschema.validate(imported, json.loads((ROOT / "Schemas" / "answers.schema.json").read_text()))


def test_a_grid_saved_by_libreoffice_imports_the_same(tmp_path, libreoffice):
    bundle = bundle_of("1.1.0")
    answers = tmp_path / "rich.answers.json"
    answers.write_text(json.dumps(rich_answers(bundle), ensure_ascii=False))
    grid = render(tmp_path / "rich.xlsx", "1.1.0", answers)
    (resaved,) = libreoffice([grid])
    with zipfile.ZipFile(resaved) as package:
        names = package.namelist()
        assert "xl/sharedStrings.xml" in names, "LibreOffice writes shared strings: the import must read them"
    imported = json.loads(ecoprod("import", resaved).stdout)
    assert imported == json.loads(answers.read_text())


# MARK: A grid edited by another application: every problem at its sheet and cell


def edited_grid(tmp_path):
    """A filled grid, then edited with openpyxl (which rewrites the package its own way): an
    unknown status, altered points, an unknown type, a mandatory criterion not applicable."""
    grid = render(tmp_path / "grid.xlsx", "1.1.0", ROOT / "docs" / "examples" / "les-jours-verts.answers.json")
    workbook = openpyxl.load_workbook(grid)
    sheet = workbook["Grille"]
    rows = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2) if row[0].value}
    sheet[f"I{rows['A2']}"] = "Fait"
    sheet[f"D{rows['A3']}"] = 40
    sheet[f"I{rows['A1']}"] = "Non applicable"
    workbook["Production"]["B4"] = "Navet"
    edited = tmp_path / "edited.xlsx"
    workbook.save(edited)
    return edited, rows


def test_problems_in_an_edited_grid_are_reported_at_their_cells_in_every_format(tmp_path):
    edited, rows = edited_grid(tmp_path)
    expected = {("X109", f"Grille!I{rows['A2']}"), ("X108", f"Grille!D{rows['A3']}")}
    result = ecoprod("import", edited, "--diagnostics-format", "json", check=False)
    assert result.returncode == 1
    jsonschema.validate(json.loads(result.stdout), json.loads((ROOT / "Schemas" / "diagnostics.schema.json").read_text()))
    found = {(d["code"], d["cell"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert found == expected
    text = ecoprod("import", edited, check=False).stderr.decode()
    for code, cell in expected:
        assert f"edited.xlsx:{cell}: error[{code}]" in text, text
    github = ecoprod("import", edited, "--diagnostics-format", "github", check=False).stdout.decode()
    for code, cell in expected:
        assert f"title=ecoprod {code}::{cell}: " in github, github
    sarif = json.loads(ecoprod("import", edited, "--diagnostics-format", "sarif", check=False).stdout)
    cells = {(r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]) for r in sarif["runs"][0]["results"]}
    assert cells == expected


def test_policy_problems_are_reported_at_their_cells(tmp_path):
    edited, rows = edited_grid(tmp_path)
    workbook = openpyxl.load_workbook(edited)
    workbook["Grille"][f"I{rows['A2']}"] = "Rempli"
    workbook["Grille"][f"D{rows['A3']}"] = next(c["points"] for c in bundle_of("1.1.0")["criteria"] if c["id"] == "A3")
    workbook.save(edited)
    result = ecoprod("import", edited, "--diagnostics-format", "json", check=False)
    found = {(d["code"], d.get("cell")) for d in json.loads(result.stdout)["diagnostics"]}
    assert found == {("A105", "Production!B4"), ("A108", f"Grille!I{rows['A1']}")}, result.stdout


def test_a_grid_saved_by_openpyxl_imports_the_same(tmp_path):
    answers = ROOT / "docs" / "examples" / "les-jours-verts.answers.json"
    grid = render(tmp_path / "grid.xlsx", "1.1.0", answers)
    workbook = openpyxl.load_workbook(grid)
    resaved = tmp_path / "resaved.xlsx"
    workbook.save(resaved)
    assert json.loads(ecoprod("import", resaved).stdout) == json.loads(answers.read_text())
