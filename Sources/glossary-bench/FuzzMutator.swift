/// Deterministic mutations of seed files for `glossary-bench fuzz`.
///
/// Mutant `i` of format `f` under seed `s` depends only on (s, f, i): any
/// finding is reproduced with `--seed s --from i --count 1 --keep`.
struct FuzzMutator {
  /// The bench's SplitMix64: small, fast, and the same on every machine.
  typealias Random = SplitMix64

  /// Bytes that break parsers: NUL and controls, line ends, quotes, markup,
  /// escapes, a lone UTF-8 lead or continuation byte, BOM and non-characters' first bytes.
  static let interestingBytes: [UInt8] = [
    0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x22, 0x23, 0x26, 0x27, 0x2C, 0x2F, 0x3A, 0x3C, 0x3E,
    0x5B, 0x5C, 0x5D, 0x7B, 0x7D, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xFE, 0xFF,
  ]

  /// Byte strings every format meets: line ends, BOM, Unicode separators, surrogate
  /// encodings (invalid UTF-8), overlong forms, supplementary-plane Han, emoji.
  static let commonTokens: [String] = [
    "\r\n", "\r", "\n\n", "\u{FEFF}", "\u{2028}", "\u{0085}", "\u{200B}", "\u{FFFD}", "\u{FFFE}", "\u{1F600}", "\u{20000}",
    "\t", " ", "  ", "#", "\\", "\"", "'", "-1", "0", "99999999999999999999", "2020-02-30", "0000-00-00", "9999-12-31",
  ]
  static let rawTokens: [[UInt8]] = [[0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0xEF, 0xBF, 0xBF]]

  let seeds: [[UInt8]]
  let tokens: [[UInt8]]
  /// Mutants never grow past this (the driver tests parsers, not disks).
  let maxSize: Int

  init(seeds: [[UInt8]], formatTokens: [String], maxSize: Int = 1 << 20) {
    self.seeds = seeds
    self.tokens = (formatTokens + Self.commonTokens).map { Array($0.utf8) } + Self.rawTokens
    self.maxSize = maxSize
  }

  /// Mutant number `index`: a seed with 1 to 8 stacked mutations.
  func mutant(seed: UInt64, formatSalt: UInt64, index: Int) -> (seedIndex: Int, bytes: [UInt8]) {
    var r = Random(seed: seed &* 0x2545_F491_4F6C_DD1D ^ formatSalt ^ (UInt64(index) &* 0x9E37_79B9))
    _ = r.next()
    let s = r.below(seeds.count)
    var b = seeds[s]
    let rounds = 1 + r.below(r.chance(70) ? 3 : 8)
    for _ in 0..<rounds { mutate(&b, &r) }
    if b.count > maxSize { b.removeSubrange(maxSize...) }
    return (s, b)
  }

  private func mutate(_ b: inout [UInt8], _ r: inout Random) {
    if b.isEmpty { b = tokens[r.below(tokens.count)]; return }
    let at = r.below(b.count + 1)
    switch r.below(12) {
    case 0:  // flip one bit
      let i = min(at, b.count - 1)
      b[i] ^= UInt8(1 << r.below(8))
    case 1:  // overwrite a byte
      b[min(at, b.count - 1)] = Self.interestingBytes[r.below(Self.interestingBytes.count)]
    case 2:  // insert a byte
      b.insert(Self.interestingBytes[r.below(Self.interestingBytes.count)], at: at)
    case 3, 4:  // insert a token (the format's own syntax, most often)
      b.insert(contentsOf: tokens[r.below(tokens.count)], at: at)
    case 5:  // delete a short range
      b.removeSubrange(at..<min(b.count, at + 1 + r.below(16)))
    case 6:  // delete a long range (drops structure: closing tags, header lines)
      b.removeSubrange(at..<min(b.count, at + 1 + r.below(max(1, b.count / 3))))
    case 7:  // repeat a range (long lines, many attributes, deep nesting)
      let len = 1 + r.below(min(64, b.count - min(at, b.count - 1)))
      let start = min(at, b.count - len)
      let piece = Array(b[start..<(start + len)])
      let times = r.chance(20) ? 1 + r.below(2000) : 1 + r.below(8)
      var rep: [UInt8] = []
      rep.reserveCapacity(piece.count * times)
      for _ in 0..<times { rep += piece }
      b.insert(contentsOf: rep, at: start)
    case 8:  // truncate
      b.removeSubrange(at...)
    case 9:  // copy a whole line elsewhere (duplicate rows, rows out of place)
      let lines = lineRanges(b)
      let line = lines[r.below(lines.count)]
      let dest = lines[r.below(lines.count)].lowerBound
      b.insert(contentsOf: Array(b[line]), at: dest)
    case 10:  // replace an occurrence of one token by another
      let from = tokens[r.below(tokens.count)]
      if let i = firstIndex(of: from, in: b, from: at) ?? firstIndex(of: from, in: b, from: 0) {
        b.replaceSubrange(i..<(i + from.count), with: tokens[r.below(tokens.count)])
      } else {
        b.insert(contentsOf: tokens[r.below(tokens.count)], at: at)
      }
    default:  // splice: this file's head, another seed's tail
      let other = seeds[r.below(seeds.count)]
      let cut = r.below(other.count + 1)
      b.replaceSubrange(at..., with: other[cut...])
    }
  }

  /// Ranges of the lines of `b`, each with its line end.
  private func lineRanges(_ b: [UInt8]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var start = 0
    for (i, c) in b.enumerated() where c == 0x0A {
      out.append(start..<(i + 1))
      start = i + 1
    }
    if start < b.count || out.isEmpty { out.append(start..<b.count) }
    return out
  }

  private func firstIndex(of needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
    guard !needle.isEmpty, needle.count <= hay.count else { return nil }
    var i = from
    while i + needle.count <= hay.count {
      if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }
}

extension SplitMix64 {
  /// Uniform in `0..<n` (n > 0).
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
