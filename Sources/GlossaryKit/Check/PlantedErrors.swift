/// Plants terminology errors in a correct translation, to measure what `check`
/// catches (tests and `scripts/eval-check.sh` through `glossary-bench plant`).
///
/// A plant replaces one occurrence of an approved rendering (at the document's
/// date) of a term that the source document contains, and no other term of the
/// source shares, with:
/// - ``Kind/outdated``: a deprecated rendering of the same term, or one superseded by then;
/// - ``Kind/swapped``: an approved rendering of another term of the same tag that the source
///   document does not contain (a wrong term: "the Global Development Initiative" for 一带一路);
/// - ``Kind/reworded``: the rendering with its head word (its last content word) replaced by a
///   word it does not have ("policy strategy" for "policy coordination").
/// Which occurrence and which replacement come from a seeded generator, so a run is repeatable.
public struct PlantedErrors {
  public enum Kind: String, CaseIterable, Sendable {
    case outdated, swapped, reworded
  }

  /// One planted error.
  public struct Plant: Sendable, Equatable {
    public var kind: Kind
    /// The source term (glossary spelling) whose rendering was replaced.
    public var term: String
    public var original: String
    public var planted: String
    /// Unicode scalar offsets of the planted text in the new target document.
    public var start: Int
    public var end: Int
  }

  /// Head words for ``Kind/reworded`` (the words official guidance rules out for initiatives and
  /// formulations: strategy, project, program, plan, agenda; and mechanism, system).
  public static let wrongHeads = ["strategy", "project", "program", "plan", "agenda", "mechanism", "system"]

  let index: CheckIndex
  let checker: TerminologyChecker

  public init(index: CheckIndex) throws {
    self.index = index
    checker = try TerminologyChecker(index: index)
  }

  /// The target document with one error of `kind` planted, and the plant; nil when the
  /// document has no rendering that can take such an error.
  public func plant(
    _ kind: Kind, source: TextDocument, target: TextDocument, date: ISODate, seed: UInt64
  ) -> (target: TextDocument, plant: Plant)? {
    var rng = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    func next() -> Int {
      rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
      return Int(truncatingIfNeeded: rng >> 1)
    }
    let present = source.utf16.withUnsafeBufferPointer { index.allSourceConcepts(in: $0) }
    let words = target.utf16.withUnsafeBufferPointer { index.targetWords($0) }
    var raw: [CheckIndex.RenderingHit] = []
    index.allOccurrences(in: words, into: &raw)
    var candidates: [(hit: CheckIndex.RenderingHit, replacement: String)] = []
    // A rendering found more often in the target than its term in the source renders something
    // else too (a foreign "President" beside 国家主席 "President"): no place to plant.
    var sourceCount: [Int: Int] = [:]
    for h in source.utf16.withUnsafeBufferPointer({ index.sourceTerms(in: $0).hits }) { sourceCount[h.concept, default: 0] += 1 }
    let resolved = CheckIndex.resolve(raw, index: index)
    var targetCount: [[Int32]: Int] = [:]
    for h in resolved { targetCount[index.concepts[h.concept].renderings[h.rendering].words.loose, default: 0] += 1 }
    // Paragraph by paragraph (translations keep the paragraphing): the term must be in the source
    // paragraph of the same rank as the target paragraph of the rendering.
    let sourceParagraphs = SentenceSegmenter.paragraphs(source.utf16).map { r in
      source.utf16[r].withUnsafeBufferPointer { index.allSourceConcepts(in: $0) }
    }
    let targetParagraphs = SentenceSegmenter.paragraphs(target.utf16)
    func paragraph(of h: CheckIndex.RenderingHit) -> Int? {
      let at = words.ranges[h.words.lowerBound].lowerBound
      return targetParagraphs.firstIndex { $0.contains(at) }
    }
    for h in resolved where present.contains(h.concept) && checker.isChecked(h.concept) {
      guard let p = paragraph(of: h), p < sourceParagraphs.count, sourceParagraphs[p].contains(h.concept) else { continue }
      guard targetCount[index.concepts[h.concept].renderings[h.rendering].words.loose]! <= sourceCount[h.concept, default: 0] else { continue }
      let concept = index.concepts[h.concept]
      let e = concept.renderings[h.rendering].entry
      guard checker.standing(e, at: date) == .approved, !e.isVariantForm else { continue }
      // Only renderings that stand for this term alone ("President" may render 总统 as well as 国家主席).
      let words = concept.renderings[h.rendering].words.loose
      if checker.concepts(sharing: words, or: h.concept).contains(where: { $0 != h.concept && present.contains($0) }) { continue }
      if let r = replacement(kind, concept: h.concept, entry: e, date: date, present: present, pick: next) {
        candidates.append((h, r))
      }
    }
    guard !candidates.isEmpty else { return nil }
    let (h, replacement) = candidates[next() % candidates.count]
    let range = index.range(of: h, in: words)
    let original = target.string(range)
    let before = target.string(0..<range.lowerBound), after = target.string(range.upperBound..<target.utf16.count)
    let planted = TextDocument(text: before + replacement + after, path: target.path)
    let start = planted.scalarOffset(range.lowerBound)
    return (planted, Plant(
      kind: kind, term: index.concepts[h.concept].source, original: original, planted: replacement,
      start: start, end: start + replacement.unicodeScalars.count))
  }

  private func replacement(
    _ kind: Kind, concept c: Int, entry e: GlossaryEntry, date: ISODate, present: Set<Int>, pick: () -> Int
  ) -> String? {
    switch kind {
    case .outdated:
      let wrong = index.concepts[c].renderings.filter { checker.standing($0.entry, at: date) == .outdated }
      return wrong.isEmpty ? nil : wrong[pick() % wrong.count].entry.target
    case .swapped:
      let tags = Set(e.tags)
      let others = index.concepts.indices.filter { o in
        o != c && !present.contains(o) && checker.isChecked(o)
          && index.concepts[o].renderings.contains { !tags.isDisjoint(with: $0.entry.tags) && $0.words.count >= 2 }
      }
      guard !others.isEmpty else { return nil }
      let o = others[pick() % others.count]
      return checker.expected(concept: o, at: date).first
    case .reworded:
      let w = e.target.split(separator: " ")
      guard w.count >= 2, let last = w.indices.last(where: { !EnglishFolding.isFunctionWord(w[$0].lowercased()) }) else { return nil }
      let heads = Self.wrongHeads.filter { h in !w.contains { $0.lowercased() == h } }
      var out = w.map(String.init)
      out[last] = heads[pick() % heads.count]
      return out.joined(separator: " ")
    }
  }
}
