import Foundation

/// The key lists, key sets and gram postings the index builder makes.
extension LookupIndexBuilder {
  /// Keys in a flat byte list, with the term each belongs to.
  struct KeyList {
    var bytes: [UInt8] = []
    var ends: [UInt32] = []
    var concepts: [Int32] = []

    mutating func append(_ key: [UInt8], concept: Int32) {
      guard !key.isEmpty else { return }
      bytes += key
      ends.append(UInt32(bytes.count))
      concepts.append(concept)
    }
  }

  /// One key set: distinct keys in first-seen order and the terms of each (first-seen order,
  /// consecutive repeats dropped).
  struct KeySet {
    var blob: [UInt8] = [0x0A]
    var start: [UInt32] = []
    var post: [UInt32] = [0]
    var concepts: [UInt32] = []
    var table: [UInt32] = []
    var maxUnits = 0
    var count: Int { start.count - 1 }

    /// Deduplicates `lists` (in order) into a key set, emptying each list once it is read.
    init(_ lists: inout [KeyList]) {
      let total = lists.reduce(0) { $0 + $1.ends.count }
      var size = 8
      while size < total * 2 { size *= 2 }
      table = [UInt32](repeating: 0, count: size)
      let mask = size - 1
      var keyOf: [Int32] = []  // per added pair: key id
      keyOf.reserveCapacity(total)
      var pairConcept: [Int32] = []
      pairConcept.reserveCapacity(total)
      blob.reserveCapacity(lists.reduce(1) { $0 + $1.bytes.count + $1.ends.count })
      for l in lists.indices {
        let list = lists[l]
        lists[l] = KeyList()
        list.bytes.withUnsafeBufferPointer { bytes in
          var from = 0
          for (i, end32) in list.ends.enumerated() {
            let end = Int(end32)
            let key = UnsafeBufferPointer(rebasing: bytes[from..<end])
            from = end
            var slot = Int(truncatingIfNeeded: LookupKeys.hash(key)) & mask
            var id = -1
            while table[slot] != 0 {
              let k = Int(table[slot] - 1)
              let s = Int(start[k])
              let e = k + 1 < start.count ? Int(start[k + 1]) - 1 : blob.count - 1
              if e - s == key.count, blob.withUnsafeBufferPointer({ memcmp($0.baseAddress! + s, key.baseAddress!, key.count) }) == 0 {
                id = k
                break
              }
              slot = (slot + 1) & mask
            }
            if id < 0 {
              id = start.count
              table[slot] = UInt32(id + 1)
              start.append(UInt32(blob.count))
              blob.append(contentsOf: key)
              blob.append(0x0A)
              maxUnits = max(maxUnits, LookupKeys.unitCount(key))
            }
            keyOf.append(Int32(id))
            pairConcept.append(list.concepts[i])
          }
        }
      }
      start.append(UInt32(blob.count))
      // Postings: a stable counting sort of (key, concept) pairs by key.
      let n = start.count - 1
      var counts = [UInt32](repeating: 0, count: n + 1)
      for k in keyOf { counts[Int(k) + 1] += 1 }
      for k in 0..<n { counts[k + 1] += counts[k] }
      var sorted = [Int32](repeating: 0, count: keyOf.count)
      var fill = counts
      for (p, k) in keyOf.enumerated() {
        sorted[Int(fill[Int(k)])] = pairConcept[p]
        fill[Int(k)] += 1
      }
      concepts.reserveCapacity(sorted.count)
      for k in 0..<n {
        var last: Int32 = -1
        for p in Int(counts[k])..<Int(counts[k + 1]) where sorted[p] != last {
          last = sorted[p]
          concepts.append(UInt32(last))
        }
        post.append(UInt32(concepts.count))
      }
    }

    func key(_ k: Int) -> Range<Int> { Int(start[k])..<Int(start[k + 1]) - 1 }
  }

  /// Gram postings of a key set: sorted distinct gram hashes, their starts, `length << 32 | key id`
  /// sorted within each gram, and the directory on the top hash bits.
  struct Grams {
    var hashes: [UInt64] = []
    var starts: [UInt32] = []
    var keys: [UInt64] = []
    var dir: [UInt32] = []

    init(_ set: KeySet) {
      // Two passes over the keys' grams (count per bucket, then place), so that the postings are held once.
      // About eight postings a bucket (sorted by insertion): a small bucket table.
      let bits = Grams.bits(for: max(1, set.count / 2))
      let shift = UInt64(64 - bits)
      var bucketStart = [UInt32](repeating: 0, count: (1 << bits) + 1)
      var scratch: [UInt64] = []
      func eachGram(_ body: (UInt64, UInt64) -> Void) {
        set.blob.withUnsafeBufferPointer { blob in
          for k in 0..<set.count {
            let r = set.key(k)
            scratch.removeAll(keepingCapacity: true)
            LookupKeys.grams(UnsafeBufferPointer(rebasing: blob[r]), into: &scratch)
            for (i, g) in scratch.enumerated() where !scratch[..<i].contains(g) { body(g, UInt64(r.count) << 32 | UInt64(k)) }
          }
        }
      }
      eachGram { h, _ in bucketStart[Int(h >> shift) + 1] += 1 }
      for b in 0..<(1 << bits) { bucketStart[b + 1] += bucketStart[b] }
      let n = Int(bucketStart[1 << bits])
      var fill = bucketStart
      var sh = [UInt64](repeating: 0, count: n)
      var sk = [UInt64](repeating: 0, count: n)
      eachGram { h, key in
        let b = Int(h >> shift)
        sh[Int(fill[b])] = h
        sk[Int(fill[b])] = key
        fill[b] += 1
      }
      fill = []
      // Sort each bucket by (hash, length, id).
      for b in 0..<(1 << bits) {
        let lo = Int(bucketStart[b]), hi = Int(bucketStart[b + 1])
        if hi - lo < 2 { continue }
        if hi - lo <= 24 {
          for i in (lo + 1)..<hi {
            let (h, v) = (sh[i], sk[i])
            var j = i
            while j > lo && (sh[j - 1], sk[j - 1]) > (h, v) { sh[j] = sh[j - 1]; sk[j] = sk[j - 1]; j -= 1 }
            sh[j] = h; sk[j] = v
          }
        } else {
          var part = (lo..<hi).map { (sh[$0], sk[$0]) }
          part.sort { $0 < $1 }
          for (i, p) in part.enumerated() { sh[lo + i] = p.0; sk[lo + i] = p.1 }
        }
      }
      var distinct = 0
      for i in 0..<n where i == 0 || sh[i - 1] != sh[i] { distinct += 1 }
      hashes.reserveCapacity(distinct)
      starts.reserveCapacity(distinct + 1)
      for i in 0..<n where i == 0 || sh[i - 1] != sh[i] {
        hashes.append(sh[i])
        starts.append(UInt32(i))
      }
      sh = []
      starts.append(UInt32(n))
      keys = sk
      dir = Grams.directory(hashes)
    }

    /// Directory bits for `n` hashes: about one per bucket.
    static func bits(for n: Int) -> Int {
      var bits = 1
      while (1 << bits) < n { bits += 1 }
      return bits
    }

    /// `dir[b]` = first index whose hash has top bits >= b; `2^bits + 1` entries, about two hashes a bucket.
    static func directory(_ hashes: [UInt64]) -> [UInt32] {
      let bits = bits(for: hashes.count / 2)
      let shift = UInt64(64 - bits)
      var dir = [UInt32](repeating: 0, count: (1 << bits) + 1)
      var i = 0
      for b in 0...(1 << bits) {
        while i < hashes.count && Int(hashes[i] >> shift) < b { i += 1 }
        dir[b] = UInt32(i)
      }
      return dir
    }
  }
}
