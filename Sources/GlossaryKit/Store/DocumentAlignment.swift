import Foundation
import GlossaryAlign
import GlossaryText

/// The tokens of one side of a sentence pair before they get store ids: their
/// match keys back to back (`keys[keyEnds[k-1]..<keyEnds[k]]`), ranges in the
/// pair's display text, flags (`StoredTokens`).
struct PendingTokens: Sendable {
  var keys: [UInt16] = []
  var keyEnds: [Int32] = []
  var ranges: [Range<Int32>] = []
  var flags: [UInt8] = []

  func key(_ k: Int) -> ArraySlice<UInt16> { keys[(k == 0 ? 0 : Int(keyEnds[k - 1]))..<Int(keyEnds[k])] }
}

/// A sentence pair as a worker produced it.
struct PendingPair: Sendable {
  var sourceRange: Range<Int>
  var targetRange: Range<Int>
  var score: Double
  var sourceText: String
  var targetText: String
  var sourceKey: String
  var targetKey: String
  var source: PendingTokens
  var target: PendingTokens
}

/// A document pair read, hashed, segmented, sentence-aligned and tokenized,
/// ready to be written to the store.
struct DocumentAlignment: Sendable {
  var document: CorpusDocument
  var sourceFile: StoreFile
  var targetFile: StoreFile
  var pairs: [PendingPair]
}

/// A corpus file as the store records it: path relative to the corpus, stamp, content hash.
struct StoreFile: Sendable, Equatable {
  var path: String
  var stamp: String
  var hash: String

  /// `size:mtime-ns:ctime-ns:inode` of a file: when it is the recorded one, the file is
  /// taken as unchanged without reading it (as make, git and rsync do).
  static func stamp(path: String) -> String? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    let m = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    let c = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
    return "\(st.st_size):\(m):\(c):\(st.st_ino)"
  }

  /// Content hash of a file's bytes: two FNV-1a 64 lanes with different seeds (128 bits, hex).
  static func hash(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { b in
      let a = LookupKeys.hash(b, seed: 0x5EED_0001), c = LookupKeys.hash(b, seed: 0x5EED_0002)
      return hex(a) + hex(c)
    }
  }

  static func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }
}

/// Reads, segments, sentence-aligns and tokenizes document pairs, with one set
/// of ICU objects (one per thread: ICU objects are not thread-safe).
final class DocumentAligner {
  let sourceLanguage: Language
  let targetLanguage: Language
  let sourceSegmenter: SentenceSegmenter
  let targetSegmenter: SentenceSegmenter
  let sourceTokenizer: WordTokenizer
  let targetTokenizer: WordTokenizer
  let align: SentenceAlignFunction
  let root: String

  init(
    root: String, sourceLanguage: Language, targetLanguage: Language, sourceTerms: TermTrie?,
    align: @escaping SentenceAlignFunction
  ) throws {
    self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    let normalizer = try MatchKeyNormalizer()
    sourceSegmenter = try SentenceSegmenter(language: sourceLanguage)
    targetSegmenter = try SentenceSegmenter(language: targetLanguage)
    // ICU words + longest-match merges (lattice: false), as PreparedCorpus: the mining constants were tuned on them.
    sourceTokenizer = try WordTokenizer(language: sourceLanguage, terms: sourceTerms, lattice: false, normalizer: normalizer)
    targetTokenizer = try WordTokenizer(language: targetLanguage, terms: nil, lattice: false, normalizer: normalizer)
    self.align = align
  }

  /// The path of a corpus file relative to the corpus root.
  func relative(_ path: String) -> String {
    path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
  }

  func align(_ doc: CorpusDocument) throws -> DocumentAlignment {
    guard let sf = doc.file(sourceLanguage.code), let tf = doc.file(targetLanguage.code) else {
      throw CorpusError.invalid("\(doc.id): no \(sourceLanguage.code) or \(targetLanguage.code) version")
    }
    let (source, sourceFile) = try read(sf.path)
    let (target, targetFile) = try read(tf.path)
    let ss = try sourceSegmenter.sentences(in: source)
    let ts = try targetSegmenter.sentences(in: target)
    let beads = try align(ss.map { source.string($0.range) }, ts.map { target.string($0.range) }, ss.map(\.paragraph), ts.map(\.paragraph))
    var pairs: [PendingPair] = []
    // Every bead is kept, 1-0 and 0-1 too (an empty side), so that the concordance finds every
    // sentence; word alignment and mining use the pairs with both sides.
    for bead in beads where !bead.source.isEmpty || !bead.target.isEmpty {
      let sr = bead.source.isEmpty ? Self.emptyRange(at: bead.source.lowerBound, in: ss, source.utf16.count)
        : ss[bead.source.lowerBound].range.lowerBound..<ss[bead.source.upperBound - 1].range.upperBound
      let tr = bead.target.isEmpty ? Self.emptyRange(at: bead.target.lowerBound, in: ts, target.utf16.count)
        : ts[bead.target.lowerBound].range.lowerBound..<ts[bead.target.upperBound - 1].range.upperBound
      let (sKey, sTokens) = try tokens(source, sr, sourceTokenizer)
      let (tKey, tTokens) = try tokens(target, tr, targetTokenizer)
      pairs.append(PendingPair(
        sourceRange: sr, targetRange: tr, score: bead.score, sourceText: source.string(sr), targetText: target.string(tr),
        sourceKey: sKey, targetKey: tKey, source: sTokens, target: tTokens))
    }
    return DocumentAlignment(document: doc, sourceFile: sourceFile, targetFile: targetFile, pairs: pairs)
  }

  /// The empty range where sentence `index` would start.
  static func emptyRange(at index: Int, in sentences: [Sentence], _ length: Int) -> Range<Int> {
    let at = index < sentences.count ? sentences[index].range.lowerBound : length
    return at..<at
  }

  private func read(_ path: String) throws -> (TextDocument, StoreFile) {
    let stamp = StoreFile.stamp(path: path) ?? ""
    let bytes = try TextDecoder.readBytes(path: path)
    let text = try TextDecoder.decode(bytes, path: path)
    return (TextDocument(text: text, path: path), StoreFile(path: relative(path), stamp: stamp, hash: StoreFile.hash(bytes)))
  }

  /// The match key of a sentence range and its tokens, ranges relative to the range.
  private func tokens(_ doc: TextDocument, _ range: Range<Int>, _ tokenizer: WordTokenizer) throws -> (String, PendingTokens) {
    let t = try doc.utf16[range].withUnsafeBufferPointer { try tokenizer.tokenize($0) }
    var out = PendingTokens()
    out.keyEnds.reserveCapacity(t.tokens.count)
    out.ranges.reserveCapacity(t.tokens.count)
    out.flags.reserveCapacity(t.tokens.count)
    for token in t.tokens {
      out.keys.append(contentsOf: t.key.units[Int(token.keyRange.lowerBound)..<Int(token.keyRange.upperBound)])
      out.keyEnds.append(Int32(out.keys.count))
      out.ranges.append(token.range)
      var f = token.kind.rawValue
      if token.isKnownTerm { f |= StoredTokens.knownTerm }
      if token.script == ScriptCode.han { f |= StoredTokens.han }
      out.flags.append(f)
    }
    return (t.key.text, out)
  }
}
