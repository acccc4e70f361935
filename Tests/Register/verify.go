// Command verify checks an ecoprod register with Go's golang.org/x/mod/sumdb/{note,tlog} alone:
// GO111MODULE=off GOPATH=/usr/share/gocode go run verify.go DIR VERIFIER_KEY_FILE [PREVIOUS].
// It opens the checkpoint, recomputes the tree and tiles, and checks proofs and an older checkpoint.
package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "verify: "+format+"\n", args...)
	os.Exit(1)
}

// openCheckpoint opens a signed checkpoint (origin, size, root) under the verifier.
func openCheckpoint(data []byte, v note.Verifier) (string, int64, tlog.Hash) {
	n, err := note.Open(data, note.VerifierList(v))
	if err != nil {
		fail("checkpoint: %v", err)
	}
	lines := strings.SplitN(n.Text, "\n", 4)
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || len(lines) < 4 {
		fail("checkpoint body: %q", n.Text)
	}
	return lines[0], size, hash(lines[2])
}

func hash(text string) (h tlog.Hash) {
	raw, err := base64.StdEncoding.DecodeString(text)
	if err != nil || len(raw) != tlog.HashSize {
		fail("not a base64 hash: %q", text)
	}
	copy(h[:], raw)
	return h
}

// path maps Go's tile path (tile/8/L/N, tile/8/data/N) to C2SP tlog-tiles' (tile/L/N, tile/entries/N).
func path(dir string, t tlog.Tile) string {
	return filepath.Join(dir, "tile", strings.Replace(strings.TrimPrefix(t.Path(), "tile/8/"), "data/", "entries/", 1))
}

func main() {
	dir := os.Args[1]
	vkey, _ := os.ReadFile(os.Args[2])
	v, err := note.NewVerifier(strings.TrimSpace(string(vkey)))
	if err != nil {
		fail("verifier key: %v", err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "checkpoint"))
	origin, size, root := openCheckpoint(data, v)
	var stored []tlog.Hash // every stored hash, in tlog's order, as the entries are read
	reader := tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, x := range indexes {
			out[i] = stored[x]
		}
		return out, nil
	})
	for n := int64(0); n*256 < size; n++ {
		w := size - n*256
		if w > 256 {
			w = 256
		}
		bundle, err := os.ReadFile(path(dir, tlog.Tile{H: 8, L: -1, N: n, W: int(w)}))
		if err != nil {
			fail("entry bundle %d: %v", n, err)
		}
		for i := int64(0); i < w; i++ {
			if len(bundle) < 2 || len(bundle) < 2+(int(bundle[0])<<8|int(bundle[1])) {
				fail("entry bundle %d is truncated at entry %d", n, n*256+i)
			}
			length := int(bundle[0])<<8 | int(bundle[1])
			hashes, err := tlog.StoredHashes(n*256+i, bundle[2:2+length], reader)
			if err != nil {
				fail("entry %d: %v", n*256+i, err)
			}
			stored = append(stored, hashes...)
			bundle = bundle[2+length:]
		}
	}
	if th, err := tlog.TreeHash(size, reader); err != nil || th != root {
		fail("the entries' tree hash %v is not the checkpoint's root %v (%v)", th, root, err)
	}
	for level := 0; size>>(8*level) > 0; level++ {
		count := size >> (8 * level)
		tiles := []tlog.Tile{}
		for n := int64(0); n < count>>8; n++ {
			tiles = append(tiles, tlog.Tile{H: 8, L: level, N: n, W: 256})
		}
		if count%256 > 0 {
			tiles = append(tiles, tlog.Tile{H: 8, L: level, N: count >> 8, W: int(count % 256)})
		}
		for _, t := range tiles {
			want, _ := tlog.ReadTileData(t, reader)
			if got, _ := os.ReadFile(path(dir, t)); !bytes.Equal(want, got) {
				fail("tile %s does not recompute", path(dir, t))
			}
		}
	}
	proofs, _ := filepath.Glob(filepath.Join(dir, "proofs", "*.tlog-proof"))
	for _, file := range proofs {
		text, _ := os.ReadFile(file)
		parts := strings.SplitN(string(text), "\n\n", 2)
		lines := strings.Split(parts[0], "\n")
		if len(parts) != 2 || lines[0] != "c2sp.org/tlog-proof@v1" || !strings.HasPrefix(lines[1], "extra ") {
			fail("%s: not a tlog-proof with extra data", file)
		}
		extra, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(lines[1], "extra "))
		index, _ := strconv.ParseInt(strings.TrimPrefix(lines[2], "index "), 10, 64)
		if index >= size { // left by an append killed before its checkpoint: not published
			continue
		}
		var proof tlog.RecordProof // starting from the leaf's sibling
		for _, line := range lines[3:] {
			proof = append(proof, hash(line))
		}
		_, psize, proot := openCheckpoint([]byte(parts[1]), v)
		if err := tlog.CheckRecord(proof, psize, proot, index, tlog.RecordHash(extra)); err != nil {
			fail("%s: %v", file, err)
		}
		checkConsistency(file, size, root, psize, proot, reader)
	}
	if len(os.Args) > 3 {
		previous, _ := os.ReadFile(os.Args[3])
		_, psize, proot := openCheckpoint(previous, v)
		checkConsistency(os.Args[3], size, root, psize, proot, reader)
	}
	fmt.Printf("ok %s: %s, %d entries, %d proofs\n", dir, origin, size, len(proofs))
}

// checkConsistency proves with tlog.ProveTree that the older tree is a prefix of the newer, and checks it with tlog.CheckTree.
func checkConsistency(name string, size int64, root tlog.Hash, old int64, oldRoot tlog.Hash, r tlog.HashReader) {
	if old > size {
		fail("%s: size %d is larger than the register's %d: entries were removed", name, old, size)
	}
	if proof, err := tlog.ProveTree(size, old, r); err != nil || tlog.CheckTree(proof, size, root, old, oldRoot) != nil {
		fail("%s: not consistent with the register", name)
	}
}
