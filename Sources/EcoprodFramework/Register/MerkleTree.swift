import Crypto

/// RFC 6962's Merkle tree over a log's entries: the hashes a register's tiles hold, its
/// checkpoint's root, and the inclusion proofs its entries carry.
///
/// A register holds tens of entries a year, so the hashes are computed from the entries each
/// time, never cached: what is verified is always recomputed.
public enum MerkleTree {
    /// `SHA-256(0x00 || entry)`.
    public static func leafHash(_ entry: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: [0] + entry))
    }

    /// `SHA-256(0x01 || left || right)`.
    public static func nodeHash(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: [1] + left + right))
    }

    /// The Merkle Tree Hash of leaf hashes (RFC 6962 §2.1); of none, `SHA-256("")`.
    public static func rootHash(_ leaves: ArraySlice<[UInt8]>) -> [UInt8] {
        switch leaves.count {
        case 0: return Array(SHA256.hash(data: [UInt8]()))
        case 1: return leaves[leaves.startIndex]
        default:
            let split = largestPowerOfTwo(below: leaves.count)
            let middle = leaves.startIndex + split
            return nodeHash(rootHash(leaves[..<middle]), rootHash(leaves[middle...]))
        }
    }

    /// The largest power of two strictly less than `count` (count ≥ 2).
    static func largestPowerOfTwo(below count: Int) -> Int {
        var power = 1
        while power * 2 < count { power *= 2 }
        return power
    }

    /// The audit path of leaf `index` in the tree of `leaves` (RFC 6962 §2.1.1): from the leaf's
    /// sibling up to the root's child.
    public static func inclusionProof(index: Int, leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
        guard leaves.count > 1 else { return [] }
        let split = largestPowerOfTwo(below: leaves.count)
        let middle = leaves.startIndex + split
        if index < split {
            return inclusionProof(index: index, leaves: leaves[..<middle]) + [rootHash(leaves[middle...])]
        }
        return inclusionProof(index: index - split, leaves: leaves[middle...]) + [rootHash(leaves[..<middle])]
    }

    /// The root an inclusion proof leads to from `leaf` at `index` in a tree of `size`
    /// (RFC 9162 §2.1.3.2); nil when the proof has the wrong length for that place.
    public static func root(fromProof proof: [[UInt8]], index: Int, size: Int, leaf: [UInt8]) -> [UInt8]? {
        guard index >= 0, index < size else { return nil }
        var fn = index
        var sn = size - 1
        var result = leaf
        for hash in proof {
            guard sn != 0 else { return nil }
            if fn & 1 == 1 || fn == sn {
                result = nodeHash(hash, result)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                result = nodeHash(result, hash)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 ? result : nil
    }
}
