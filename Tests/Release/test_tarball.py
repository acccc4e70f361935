"""The release tarball, installed as someone without Swift would install it.

Scripts/package-release builds the tarball, its SHA256SUMS and their signature once (in release
mode, statically linked: the one build of that configuration in CI). Then, on the extracted
tarball, with `env -i` and a PATH that holds no Swift toolchain:
- `ldd` names only the C library's own objects, libstdc++ and libgcc_s;
- `--version` prints the version the tarball's name carries;
- `check` and `build` compile a copy of Framework/, and `score` reads a grid the binary wrote;
- `lsp` answers one initialize request over stdio;
- the bash completion script completes a subcommand and an option;
- `sha256sum -c` accepts SHA256SUMS, and `ssh-keygen -Y verify -n file` its signature;
- every subcommand has a man page, which groff renders without a warning;
- a second run writes the same bytes.

Run by .ci/run: `python3 -m pytest -q Tests/Release`.
"""
import json
import pathlib
import platform
import re
import shutil
import subprocess
import tarfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
# A PATH with the shell and coreutils only: /opt/swift and the like are never on it.
BARE_PATH = "/usr/bin:/bin"
ALLOWED = re.compile(r"^(linux-vdso\.so|/lib64/ld-linux|ld-linux|libc\.so|libm\.so|libdl\.so|libpthread\.so|"
                     r"librt\.so|libstdc\+\+\.so|libgcc_s\.so)")


@pytest.fixture(scope="session")
def dist(tmp_path_factory):
    """OUTDIR after Scripts/package-release OUTDIR --sign KEY, and the key's allowed_signers."""
    folder = tmp_path_factory.mktemp("dist")
    key = folder / "packager"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "packager@example", "-f", key], check=True)
    signers = folder / "allowed_signers"
    signers.write_text(f'packager@example namespaces="file" {(folder / "packager.pub").read_text()}')
    outdir = folder / "out"
    subprocess.run([ROOT / "Scripts" / "package-release", outdir, "--sign", key], check=True, cwd=ROOT)
    return outdir, signers


@pytest.fixture(scope="session")
def installed(dist, tmp_path_factory):
    """The tarball, extracted; returns (its top folder, the version its name carries)."""
    outdir, _ = dist
    [tarball] = outdir.glob("ecoprod-*-linux-*.tar.gz")
    match = re.fullmatch(r"ecoprod-(.+)-linux-(.+)\.tar\.gz", tarball.name)
    assert match and match.group(2) == platform.machine(), tarball.name
    target = tmp_path_factory.mktemp("installed")
    with tarfile.open(tarball) as archive:
        archive.extractall(target, filter="data")
    [top] = target.iterdir()
    assert top.name == tarball.name.removesuffix(".tar.gz")
    return top, match.group(1)


def bare(arguments, cwd, stdin=None, extra_path=""):
    """Runs with env -i: no Swift, no LD_LIBRARY_PATH, a home of its own."""
    path = f"{extra_path}:{BARE_PATH}" if extra_path else BARE_PATH
    environment = ["env", "-i", f"PATH={path}", f"HOME={cwd}", "LC_ALL=C.UTF-8"]
    return subprocess.run(environment + [str(a) for a in arguments], cwd=cwd, input=stdin, capture_output=True,
                          timeout=120)


def test_no_swift_toolchain_is_reachable():
    assert shutil.which("swift", path=BARE_PATH) is None, "a Swift toolchain is on the bare PATH"


def test_the_binary_needs_only_the_c_library_libstdcxx_and_libgcc(installed):
    top, _ = installed
    result = subprocess.run(["ldd", top / "bin" / "ecoprod"], capture_output=True, text=True, check=True)
    needed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert needed, result.stdout
    assert [name for name in needed if not ALLOWED.match(name)] == [], result.stdout
    assert not any("swift" in line or "yaml" in line or "libz" in line for line in result.stdout.splitlines())


def test_version_is_the_one_the_name_carries(installed, tmp_path):
    top, version = installed
    result = bare([top / "bin" / "ecoprod", "--version"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == version


def test_check_build_and_score_a_grid(installed, tmp_path):
    top, _ = installed
    binary = top / "bin" / "ecoprod"
    shutil.copytree(ROOT / "Framework", tmp_path / "Framework")
    checked = bare([binary, "check"], tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert b"80 criteria, 8 mandatory" in checked.stdout + checked.stderr
    built = bare([binary, "build"], tmp_path)
    assert built.returncode == 0, built.stderr
    [bundle] = (tmp_path / "build").glob("ecoprod-label-*.json")
    assert bare([binary, "verify", bundle], tmp_path).returncode == 0

    answers = ROOT / "docs" / "examples" / "les-jours-verts.answers.json"
    grid = tmp_path / "grid.xlsx"
    rendered = bare([binary, "render", "Framework/releases/ecoprod-label-1.1.0.json", "--format", "xlsx",
                     "--answers", answers, "--output", grid], tmp_path)
    assert rendered.returncode == 0, rendered.stderr
    from_grid = bare([binary, "score", grid, "--format", "json"], tmp_path)
    from_answers = bare([binary, "score", answers, "--format", "json"], tmp_path)
    assert from_grid.returncode == 0, from_grid.stderr
    grid_score, answers_score = json.loads(from_grid.stdout), json.loads(from_answers.stdout)
    assert grid_score["percent"] == answers_score["percent"] == "86.18"
    assert grid_score["mandatory"] == answers_score["mandatory"]


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_the_language_server_answers_initialize(installed, tmp_path):
    top, _ = installed
    shutil.copytree(ROOT / "Framework", tmp_path / "Framework")
    requests = (
        frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
               "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}})
        + frame({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        + frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        + frame({"jsonrpc": "2.0", "method": "exit"}))
    result = bare([top / "bin" / "ecoprod", "lsp"], tmp_path, stdin=requests)
    assert result.returncode == 0, result.stderr
    responses = []
    rest = result.stdout
    while rest:
        header, _, rest = rest.partition(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: (\d+)", header).group(1))
        responses.append(json.loads(rest[:length]))
        rest = rest[length:]
    initialize = next(r for r in responses if r.get("id") == 1)
    assert initialize["result"]["serverInfo"]["name"] == "ecoprod"
    assert initialize["result"]["capabilities"]["textDocumentSync"]["change"] == 2
    assert any(r.get("id") == 2 and "result" in r for r in responses)


@pytest.mark.parametrize("line, expected", [("ecoprod che", "check"), ("ecoprod score --for", "--format")])
def test_bash_completes_subcommands_and_options(installed, tmp_path, line, expected):
    top, _ = installed
    script = top / "share" / "bash-completion" / "completions" / "ecoprod"
    program = (f'source "{script}"; COMP_LINE="{line}"; COMP_POINT=${{#COMP_LINE}}; '
               f'read -r -a COMP_WORDS <<< "$COMP_LINE"; COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 )); '
               '_ecoprod ecoprod "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; '
               'printf "%s\\n" "${COMPREPLY[@]}"')
    result = bare(["bash", "--norc", "--noprofile", "-c", program], tmp_path, extra_path=top / "bin")
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout.decode().split(), result.stdout


def test_every_subcommand_has_a_man_page_that_groff_renders(installed):
    top, _ = installed
    folder = top / "share" / "man" / "man1"
    pages = {page.name for page in folder.iterdir()}
    for command in ["ecoprod.1", "ecoprod.check.1", "ecoprod.release.1", "ecoprod.score.1", "ecoprod.register.append.1",
                    "ecoprod.lsp.1", "ecoprod.stats.1", "ecoprod.certify.1"]:
        assert command in pages, sorted(pages)
    rendered = subprocess.run(["groff", "-mandoc", "-Tutf8", "-ww", "-z", folder / "ecoprod.check.1"], capture_output=True,
                              text=True)
    assert rendered.returncode == 0 and rendered.stderr == "", rendered.stderr
    text = subprocess.run(["groff", "-mandoc", "-Tutf8", "-P-cbou", folder / "ecoprod.check.1"], capture_output=True,
                          text=True, check=True).stdout
    assert "ecoprod check" in text and "--format" in text, text[:400]


def test_completions_for_zsh_and_fish_and_the_license(installed):
    top, _ = installed
    assert "#compdef ecoprod" in (top / "share" / "zsh" / "site-functions" / "_ecoprod").read_text()
    assert "complete -c 'ecoprod'" in (top / "share" / "fish" / "vendor_completions.d" / "ecoprod.fish").read_text()
    assert (top / "LICENSE").read_text().strip().startswith("Apache License")
    assert (top / "README.md").read_text() == (ROOT / "README.md").read_text()


def test_the_sums_match_and_their_signature_verifies_with_ssh_keygen(dist):
    outdir, signers = dist
    sums = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=outdir, capture_output=True, text=True)
    assert sums.returncode == 0 and ": OK" in sums.stdout, sums.stdout + sums.stderr
    with open(outdir / "SHA256SUMS", "rb") as message:
        verified = subprocess.run(["ssh-keygen", "-Y", "verify", "-n", "file", "-f", signers, "-I", "packager@example",
                                   "-s", outdir / "SHA256SUMS.sig"], stdin=message, capture_output=True, text=True)
    assert verified.returncode == 0, verified.stderr
    with open(outdir / "SHA256SUMS", "rb") as message:
        wrong = subprocess.run(["ssh-keygen", "-Y", "verify", "-n", "ecoprod-bundle", "-f", signers, "-I",
                                "packager@example", "-s", outdir / "SHA256SUMS.sig"], stdin=message,
                               capture_output=True)
    assert wrong.returncode != 0, "a signature in namespace file verified as another namespace"


def test_the_tarball_is_reproducible(dist, tmp_path):
    """A second run (a relink of the same objects) writes the same bytes: names sorted, owner 0,
    time stamps the last commit's, gzip without a name or time."""
    outdir, _ = dist
    subprocess.run([ROOT / "Scripts" / "package-release", tmp_path], check=True, cwd=ROOT, capture_output=True)
    assert (tmp_path / "SHA256SUMS").read_text() == (outdir / "SHA256SUMS").read_text()
    assert not (tmp_path / "SHA256SUMS.sig").exists()
