import Foundation
import GlossaryAlign
import GlossaryText

/// The tokens of one side of a sentence pair before they get store ids
/// (`StoredTokens`): words with their flags, units with their ranges in the
/// pair's display text; keys back to back (`keys[ends[k-1]..<ends[k]]`).
struct PendingTokens: Sendable {
  var keys: [UInt16] = []
  var wordEnds: [Int32] = []
  var wordFlags: [UInt8] = []
  var unitEnds: [Int32] = []
  var unitRanges: [Range<Int32>] = []
  var unitWord: [Int32] = []
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
  let sourceTerms: TermTrie?

  init(
    root: String, sourceLanguage: Language, targetLanguage: Language, sourceTerms: TermTrie?,
    align: @escaping SentenceAlignFunction
  ) throws {
    self.root = Corpus.folder(root)
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    let normalizer = try MatchKeyNormalizer()
    sourceSegmenter = try SentenceSegmenter(language: sourceLanguage)
    targetSegmenter = try SentenceSegmenter(language: targetLanguage)
    // ICU words + longest-match merges (lattice: false), as PreparedCorpus: the mining constants were tuned on them.
    sourceTokenizer = try WordTokenizer(language: sourceLanguage, terms: sourceTerms, lattice: false, normalizer: normalizer)
    targetTokenizer = try WordTokenizer(language: targetLanguage, terms: nil, lattice: false, normalizer: normalizer)
    self.align = align
    self.sourceTerms = sourceTerms
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
      let (sKey, sTokens) = try tokens(source, sr, sourceTokenizer, sourceTerms)
      let (tKey, tTokens) = try tokens(target, tr, targetTokenizer, nil)
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

  /// The match key of a sentence range and its words and units, ranges relative to the range.
  private func tokens(_ doc: TextDocument, _ range: Range<Int>, _ tokenizer: WordTokenizer, _ terms: TermTrie?) throws
    -> (String, PendingTokens)
  {
    let t = try doc.utf16[range].withUnsafeBufferPointer { try tokenizer.tokenize($0) }
    var out = PendingTokens()
    let units = t.key.units
    for token in t.tokens {
      let lo = Int(token.keyRange.lowerBound), hi = Int(token.keyRange.upperBound)
      let key = units[lo..<hi]
      out.keys.append(contentsOf: key)
      out.wordEnds.append(Int32(out.keys.count))
      var f = token.kind.rawValue
      if token.isKnownTerm { f |= StoredTokens.knownTerm }
      if token.script == ScriptCode.han { f |= StoredTokens.han }
      out.wordFlags.append(f)
      let word = Int32(out.wordFlags.count - 1)
      if WordAlignTokenizer.splitsIntoCharacters(token, key: key, terms: terms) {
        var k = lo
        while k < hi {
          let w = UTF16.isLeadSurrogate(units[k]) && k + 1 < hi ? 2 : 1
          out.keys.append(contentsOf: units[k..<(k + w)])
          out.unitEnds.append(Int32(out.keys.count))
          let r = t.key.originalRange(k..<(k + w))
          out.unitRanges.append(Int32(r.lowerBound)..<Int32(r.upperBound))
          out.unitWord.append(word)
          k += w
        }
      } else {
        out.unitEnds.append(-1)  // the word itself
        out.unitRanges.append(token.range)
        out.unitWord.append(word)
      }
    }
    return (t.key.text, out)
  }
}
