import Foundation

/// C2SP tlog-tiles: which tiles and entry bundles a tree of a given size has, their paths, and
/// their bytes. Tiles are 256 hashes wide (height 8): level 0 holds leaf hashes, and each hash
/// at level `l` is the Merkle Tree Hash of 256^l consecutive entries.
public enum TileLayout {
    public static let width = 256

    /// One file of the log: a tile at a level, or an entry bundle.
    public struct File: Sendable, Hashable {
        /// Nil for an entry bundle.
        public var level: Int?
        public var index: Int
        /// The number of hashes or entries: 256 for a full file, 1 to 255 for a partial one.
        public var count: Int

        /// `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`, N in 3-digit groups (x001/x234/067).
        public var path: String {
            var number = index
            var encoded = String(format: "%03d", number % 1000)
            while number >= 1000 {
                number /= 1000
                encoded = String(format: "x%03d", number % 1000) + "/" + encoded
            }
            let folder = level.map { "tile/\($0)" } ?? "tile/entries"
            return "\(folder)/\(encoded)" + (count == TileLayout.width ? "" : ".p/\(count)")
        }
    }

    /// Every tile and bundle a tree of `size` entries needs: the full ones and, per level, the
    /// partial one at its right edge.
    public static func files(forSize size: Int) -> [File] {
        var files: [File] = []
        var count = size
        var level = 0
        while count > 0 {
            for index in 0..<(count / width) { files.append(File(level: level, index: index, count: width)) }
            if count % width > 0 { files.append(File(level: level, index: count / width, count: count % width)) }
            if level == 0 {
                for index in 0..<(count / width) { files.append(File(level: nil, index: index, count: width)) }
                if count % width > 0 { files.append(File(level: nil, index: count / width, count: count % width)) }
            }
            count /= width
            level += 1
        }
        return files
    }

    /// The hashes at one tile level for `leaves`: level 0 the leaf hashes, level l + 1 the tile
    /// hash of each full run of 256 hashes of level l.
    public static func hashes(level: Int, leaves: [[UInt8]]) -> [[UInt8]] {
        var current = leaves
        for _ in 0..<level {
            current = stride(from: 0, to: current.count - current.count % width, by: width).map {
                MerkleTree.rootHash(current[$0..<($0 + width)])
            }
        }
        return current
    }

    /// A file's bytes for the log of `entries`: concatenated hashes, or big-endian uint16
    /// length-prefixed entries.
    public static func bytes(of file: File, entries: [[UInt8]], leaves: [[UInt8]]) -> [UInt8] {
        let start = file.index * width
        guard let level = file.level else {
            return entries[start..<(start + file.count)].flatMap { entry in
                [UInt8(entry.count >> 8), UInt8(entry.count & 0xFF)] + entry
            }
        }
        return hashes(level: level, leaves: leaves)[start..<(start + file.count)].flatMap { $0 }
    }

    /// The entries of a bundle's bytes; nil when they are not a whole sequence of
    /// length-prefixed entries.
    public static func entries(inBundle bytes: [UInt8]) -> [[UInt8]]? {
        var entries: [[UInt8]] = []
        var offset = 0
        while offset < bytes.count {
            guard offset + 2 <= bytes.count else { return nil }
            let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
            guard offset + 2 + length <= bytes.count else { return nil }
            entries.append(Array(bytes[(offset + 2)..<(offset + 2 + length)]))
            offset += 2 + length
        }
        return entries
    }
}
