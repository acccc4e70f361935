"""`ecoprod lsp` driven by a real LSP client (pytest-lsp, on pygls): what an editor sees must be
exactly what `ecoprod check --format json` says for the same contents.

Run by .ci/run after `swift build`: `python3 -m pytest Tests/LSP` (ECOPROD_BINARY picks the binary).
"""
import json
import os
import pathlib
import subprocess

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
FRAMEWORK = ROOT / "Framework"
BINARY = os.environ.get("ECOPROD_BINARY", str(ROOT / ".build" / "debug" / "ecoprod"))
DEPARTMENT_A = FRAMEWORK / "departments" / "A-production.yaml"
DEPARTMENT_B = FRAMEWORK / "departments" / "B-editorial.yaml"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "lsp", "--framework", str(FRAMEWORK)]))
async def client(lsp_client: LanguageClient):
    # The server asks clients that can to watch the framework's files; record the request.
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=ROOT.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


def open_document(client: LanguageClient, path: pathlib.Path, text: str, version: int = 1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="yaml", version=version, text=text)
        )
    )


def check_json(path: pathlib.Path, text: str):
    """What `ecoprod check` says of the framework with `path` replaced by `text` (stdin)."""
    result = subprocess.run(
        [BINARY, "check", "-", "--context", str(FRAMEWORK), "--format", "json"],
        input=text.encode(), capture_output=True, check=False,
    )
    return json.loads(result.stdout)["diagnostics"]


async def diagnostics_for(client: LanguageClient, path: pathlib.Path):
    uri = path.as_uri()
    while uri not in client.diagnostics:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


async def test_an_edit_gets_the_diagnostics_check_gives_at_the_same_place(client: LanguageClient):
    text = DEPARTMENT_A.read_text(encoding="utf-8").replace("points: 4", "points: yes", 1)
    open_document(client, DEPARTMENT_A, text)
    published = await diagnostics_for(client, DEPARTMENT_A)
    expected = [d for d in check_json(DEPARTMENT_A, text) if d["file"] == "<stdin>"]
    assert [d.code for d in published] == [d["code"] for d in expected] == ["P401"]
    for ours, theirs in zip(published, expected):
        assert ours.range.start.line == theirs["line"] - 1
        assert ours.range.start.character == theirs["column"] - 1  # ASCII line: columns agree in any encoding
        assert ours.severity == types.DiagnosticSeverity.Error
        assert ours.code_description.href.endswith("docs/diagnostics.md#p401")
        assert "help:" in ours.message


async def test_incremental_changes_are_applied_and_fixes_clear_the_file(client: LanguageClient):
    text = DEPARTMENT_A.read_text(encoding="utf-8")
    open_document(client, DEPARTMENT_A, text)
    line = text[: text.index("points: 4")].count("\n")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=DEPARTMENT_A.as_uri(), version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=line, character=12), end=types.Position(line=line, character=13)),
                    text="-3",
                )
            ],
        )
    )
    published = await diagnostics_for(client, DEPARTMENT_A)
    assert [d.code for d in published] == ["P401"]
    assert published[0].range.start.line == line
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=DEPARTMENT_A.as_uri(), version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[DEPARTMENT_A.as_uri()]) == []


async def test_a_cross_file_rule_reports_in_the_file_that_breaks_it(client: LanguageClient):
    text = DEPARTMENT_B.read_text(encoding="utf-8").replace("id: B1\n", "id: A1\n", 1)
    open_document(client, DEPARTMENT_B, text)
    published = await diagnostics_for(client, DEPARTMENT_B)
    assert "I302" in [d.code for d in published]
    duplicate = next(d for d in published if d.code == "I302")
    assert any(info.location.uri == DEPARTMENT_A.as_uri() for info in duplicate.related_information or [])


async def test_the_outline_of_a_department_is_its_criteria(client: LanguageClient):
    open_document(client, DEPARTMENT_A, DEPARTMENT_A.read_text(encoding="utf-8"))
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=DEPARTMENT_A.as_uri()))
    )
    names = [symbol.name for symbol in symbols]
    assert names[:3] == ["A1", "A2", "A3"]
    assert symbols[0].detail


async def test_an_unknown_request_is_an_error_not_a_crash(client: LanguageClient):
    with pytest.raises(Exception) as raised:
        await client.protocol.send_request_async("ecoprod/noSuchMethod", {})
    assert "not supported" in str(raised.value)
    # The server still answers.
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=DEPARTMENT_A.as_uri()))
    )
    assert symbols


def position_of(path: pathlib.Path, needle: str, offset: int = 0) -> types.Position:
    text = path.read_text(encoding="utf-8")
    index = text.index(needle) + offset
    line = text[:index].count("\n")
    return types.Position(line=line, character=index - (text.rfind("\n", 0, index) + 1))


async def test_hover_on_a_criterion_shows_its_texts_points_and_release_status(client: LanguageClient):
    open_document(client, DEPARTMENT_A, DEPARTMENT_A.read_text(encoding="utf-8"))
    await diagnostics_settled(client)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=DEPARTMENT_A.as_uri()), position=position_of(DEPARTMENT_A, "id: A1", 4))
    )
    text = hover.contents.value
    assert "criterion A1: 4 points, mandatory" in text
    assert "fr: Note d'intention signée" in text and "en: Signed intention note" in text
    assert "unchanged since 1.2.0" in text


async def test_hover_on_a_stage_reference_shows_its_declared_titles(client: LanguageClient):
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=DEPARTMENT_A.as_uri()), position=position_of(DEPARTMENT_A, "stages: [preparation]", 10))
    )
    assert hover.contents.value.splitlines() == ["stage preparation", "fr: Préparation", "en: Preparation"]


async def test_a_department_reference_goes_to_its_declaration_and_finds_its_uses(client: LanguageClient):
    params = dict(text_document=types.TextDocumentIdentifier(uri=DEPARTMENT_A.as_uri()), position=position_of(DEPARTMENT_A, "department: A", 12))
    definition = await client.text_document_definition_async(types.DefinitionParams(**params))
    framework = FRAMEWORK / "framework.yaml"
    declared = position_of(framework, "  - id: A\n", 8)
    assert definition.uri == framework.as_uri()
    assert definition.range.start == declared
    references = await client.text_document_references_async(
        types.ReferenceParams(context=types.ReferenceContext(include_declaration=True), **params)
    )
    assert sorted(ref.uri for ref in references) == sorted([framework.as_uri(), DEPARTMENT_A.as_uri()])


async def test_a_production_type_is_found_wherever_criteria_apply_to_it(client: LanguageClient):
    framework = FRAMEWORK / "framework.yaml"
    references = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=framework.as_uri()), position=position_of(framework, "id: documentary", 5),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    expected = sum(path.read_text(encoding="utf-8").count("documentary") for path in (FRAMEWORK / "departments").glob("*.yaml"))
    assert len(references) == expected > 0


async def diagnostics_settled(client: LanguageClient):
    """Wait until the server has handled what was sent: a request answered after it."""
    await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=DEPARTMENT_A.as_uri()))
    )


async def complete_after(client: LanguageClient, path: pathlib.Path, text: str, marker: str, last: bool = False):
    """Opens `text` and asks for completion right after the first (or `last`) `marker`."""
    open_document(client, path, text)
    index = (text.rindex(marker) if last else text.index(marker)) + len(marker)
    line = text[:index].count("\n")
    position = types.Position(line=line, character=index - (text.rfind("\n", 0, index) + 1))
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=position)
    )
    items = result.items if hasattr(result, "items") else result
    return [item.label for item in items]


async def test_completion_offers_the_keys_the_decoder_allows_in_a_criterion(client: LanguageClient):
    text = DEPARTMENT_A.read_text(encoding="utf-8").replace("    points: 4\n", "    points: 4\n    rep\n", 1)
    labels = await complete_after(client, DEPARTMENT_A, text, "    rep")
    assert {"replaces", "combine", "points", "applies_to"} <= set(labels)


async def test_completion_offers_declared_types_stages_and_booleans(client: LanguageClient):
    base = DEPARTMENT_A.read_text(encoding="utf-8")
    assert set(await complete_after(client, DEPARTMENT_A, base.replace("applies_to: all", "applies_to: [", 1), "applies_to: [")) == {
        "all", "feature-film", "series", "documentary", "tv-programme", "advertising", "short-film", "music-video"}
    assert await complete_after(client, DEPARTMENT_A, base.replace("mandatory: true", "mandatory: ", 1), "mandatory: ") == ["true", "false"]
    block = base.replace("    stages: [preparation]\n", "    stages:\n      - \n", 1)
    assert await complete_after(client, DEPARTMENT_A, block, "    stages:\n      - ") == ["preparation", "shoot", "post-production"]


async def test_completion_of_an_id_is_the_next_free_one_of_the_department(client: LanguageClient):
    text = DEPARTMENT_A.read_text(encoding="utf-8") + "  - id: \n"
    highest = max(int(line.split("id: A")[1]) for line in text.splitlines() if line.strip().startswith("- id: A"))
    assert await complete_after(client, DEPARTMENT_A, text, "  - id: ", last=True) == [f"A{highest + 1}"]


async def test_renaming_a_released_criterion_writes_its_migration_rule(client: LanguageClient):
    text = DEPARTMENT_A.read_text(encoding="utf-8")
    open_document(client, DEPARTMENT_A, text)
    position = position_of(DEPARTMENT_A, "id: A1\n", 4)
    document = types.TextDocumentIdentifier(uri=DEPARTMENT_A.as_uri())
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(text_document=document, position=position))
    assert prepared.placeholder == "A1"
    edit = await client.text_document_rename_async(types.RenameParams(text_document=document, position=position, new_name="A11"))
    edits = edit.changes[DEPARTMENT_A.as_uri()]
    lines = text.split("\n")
    for change in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = change.range.start, change.range.end
        before = "\n".join(lines[: start.line] + [lines[start.line][: start.character]])
        after = "\n".join([lines[end.line][end.character :]] + lines[end.line + 1 :])
        lines = (before + change.new_text + after).split("\n")
    renamed = "\n".join(lines)
    assert "  - id: A11\n    replaces: [A1]\n    title:" in renamed
    # The edited file is valid: check says nothing about it.
    assert [d for d in check_json(DEPARTMENT_A, renamed) if d["file"] == "<stdin>"] == []


@pytest.mark.parametrize("new_name, reason", [("Z1", "does not match"), ("A2", "already a criterion"), ("a1", "does not match")])
async def test_a_rename_that_would_break_the_framework_is_refused(client: LanguageClient, new_name, reason):
    open_document(client, DEPARTMENT_A, DEPARTMENT_A.read_text(encoding="utf-8"))
    document = types.TextDocumentIdentifier(uri=DEPARTMENT_A.as_uri())
    with pytest.raises(Exception) as raised:
        await client.text_document_rename_async(types.RenameParams(text_document=document, position=position_of(DEPARTMENT_A, "id: A1\n", 4), new_name=new_name))
    assert reason in str(raised.value)


def apply_edits(text: str, edits) -> str:
    lines = text.split("\n")
    for change in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = change.range.start, change.range.end
        before = "\n".join(lines[: start.line] + [lines[start.line][: start.character]])
        after = "\n".join([lines[end.line][end.character :]] + lines[end.line + 1 :])
        lines = (before + change.new_text + after).split("\n")
    return "\n".join(lines)


@pytest.mark.parametrize("find, replace, code, fixed", [
    ("mandatory: true", "mandatory: yes", "P402", "mandatory: true"),
    ("points: 4", "points: 0x10", "P401", "points: 16"),
    ("    evidence:", "    evidense:", "S201", "    evidence:"),
    ('      en: "Signed intention note"\n', "", "T601", '      fr: "Note d\'intention signée"\n      en: "TODO"\n'),
])
async def test_a_quick_fix_makes_the_diagnostic_go_away(client: LanguageClient, find, replace, code, fixed):
    text = DEPARTMENT_A.read_text(encoding="utf-8").replace(find, replace, 1)
    open_document(client, DEPARTMENT_A, text)
    published = await diagnostics_for(client, DEPARTMENT_A)
    target = next(d for d in published if d.code == code)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=DEPARTMENT_A.as_uri()), range=target.range,
            context=types.CodeActionContext(diagnostics=[target]),
        )
    )
    action = next(a for a in actions if a.diagnostics and a.diagnostics[0].code == code)
    repaired = apply_edits(text, action.edit.changes[DEPARTMENT_A.as_uri()])
    assert fixed in repaired
    assert code not in [d["code"] for d in check_json(DEPARTMENT_A, repaired) if d["file"] == "<stdin>"]


async def test_a_vanished_criterion_gets_add_a_migration_rule_for_its_rename_candidate(client: LanguageClient):
    text = DEPARTMENT_A.read_text(encoding="utf-8").replace("  - id: A7\n", "  - id: A11\n", 1)
    open_document(client, DEPARTMENT_A, text)
    published = await diagnostics_for(client, DEPARTMENT_A)
    target = next(d for d in published if d.code == "M901")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=DEPARTMENT_A.as_uri()), range=target.range,
            context=types.CodeActionContext(diagnostics=[target]),
        )
    )
    action = next(a for a in actions if a.title.startswith("Add a migration rule: A11 replaces A7"))
    repaired = apply_edits(text, action.edit.changes[DEPARTMENT_A.as_uri()])
    assert "  - id: A11\n    replaces: [A7]\n" in repaired
    assert [d for d in check_json(DEPARTMENT_A, repaired) if d["file"] == "<stdin>" and d["severity"] == "error"] == []


async def test_the_server_asks_to_watch_the_framework_files(client: LanguageClient):
    await diagnostics_settled(client)
    watched = [r for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert watched, "the server registered no file watcher"
    patterns = [w["globPattern"] if isinstance(w, dict) else w.glob_pattern for w in watched[0].register_options["watchers"]]
    assert any(p.endswith("Framework/**/*.{yaml,yml}") for p in patterns)


FRAMEWORK_FILE = FRAMEWORK / "framework.yaml"

# The planted defects of `ecoprod check`'s end-to-end table (Tests/EcoprodCLITests/CheckCommandTests.swift),
# planted through didChange. Invalid UTF-8 is left out: LSP carries text as JSON strings, which cannot hold it.
DEFECTS = [
    ("duplicate keys", DEPARTMENT_A, "    points: 4\n", "    points: 4\n    points: 4\n"),
    ("duplicate IDs", DEPARTMENT_B, "id: B1\n", "id: A1\n"),
    ("mandatory: yes", DEPARTMENT_A, "mandatory: true", "mandatory: yes"),
    ("points: -3", DEPARTMENT_A, "points: 4", "points: -3"),
    ("points: 0x10", DEPARTMENT_A, "points: 4", "points: 0x10"),
    ("points: three", DEPARTMENT_A, "points: 4", "points: three"),
    ("a misspelt key", DEPARTMENT_A, "    evidence:", "    evidense:"),
    ("a tab", DEPARTMENT_A, "    points: 4", "\tpoints: 4"),
    ("an unterminated quote", DEPARTMENT_A, "fr: \"Note d'intention signée\"", "fr: \"Note d'intention signée"),
    ("a second document", DEPARTMENT_A, "department: A\n", "department: A\n---\n"),
    ("a !!python/object tag", DEPARTMENT_A, "points: 4", "points: !!python/object:os.system 4"),
    ("an impossible threshold", FRAMEWORK_FILE, "{percent: 70, comparison: at-least}", "{percent: 100, comparison: more-than}"),
    ("an alias bomb", DEPARTMENT_A, None, "a: &a [x, x, x, x, x, x, x, x, x]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"),
    ("100,000 nested brackets", DEPARTMENT_A, None, "deep: " + "[" * 100_000 + "\n"),
]


async def next_diagnostics(client: LanguageClient, uri: str, before):
    """The next list published for `uri` that differs from `before`."""
    while True:
        current = client.diagnostics.get(uri)
        if current is not None and list(current) != list(before or []):
            return list(current)
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


def change_to(client: LanguageClient, path: pathlib.Path, text: str, version: int):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


@pytest.mark.parametrize("name, path, find, replace", DEFECTS, ids=[d[0] for d in DEFECTS])
async def test_each_planted_defect_matches_check_and_undoing_it_clears_it(client: LanguageClient, name, path, find, replace):
    original = path.read_text(encoding="utf-8")
    planted = original + replace if find is None else original.replace(find, replace, 1)
    open_document(client, path, original)
    await diagnostics_settled(client)
    assert list(client.diagnostics.get(path.as_uri(), [])) == []
    change_to(client, path, planted, 2)
    published = await next_diagnostics(client, path.as_uri(), [])
    expected = [d for d in check_json(path, planted) if d["file"] == "<stdin>"]
    assert expected, f"{name}: check found nothing"
    # The check of stdin quotes `<stdin>`: compare code, line and column, which must be identical.
    lines = planted.split("\n")

    def utf16(line: int, column: int) -> int:
        return len(lines[line - 1][: column - 1].encode("utf-16-le")) // 2 if line - 1 < len(lines) else column - 1

    ours = sorted((d.code, d.range.start.line, d.range.start.character) for d in published)
    theirs = sorted((d["code"], d["line"] - 1, utf16(d["line"], d["column"])) for d in expected)
    assert ours == theirs, name
    change_to(client, path, original, 3)
    assert await next_diagnostics(client, path.as_uri(), published) == []
