/// The document-wide steps of a check: missing renderings explained by the word
/// aligner, forbidden renderings anywhere, inconsistency, and `--reverse`.
extension CheckPass {
  /// Terms with no rendering in their aligned target: a `warning` naming the words the
  /// word aligner links the term to, or an `info` when it links it to nothing that counts.
  mutating func explainMissing(_ linked: [TermEvidence.Query: [TermEvidence.WordRef]]) {
    guard !missing.isEmpty else { return }
    var covered: [Int: Set<Int>] = [:]
    var inSpan: [Int: Set<Int>] = [:]
    var taken = Set<[Int]>()
    for m in missing {
      let c = m.concept
      let concept = index.concepts[c]
      let expected = checker.expected(concept: c, at: date)
      let span = spans[m.query.span]
      if inSpan[m.query.span] == nil { inSpan[m.query.span] = Set(span.source.flatMap { srcHits[$0].map(\.concept) }) }
      let links = contentWords(linked[m.query] ?? [], present: inSpan[m.query.span]!, covered: &covered)
      if let sub = substitute(for: c, span: m.query.span, links: links, taken: &taken) {
        let text = ctx.foundText(sub.sentence, words: sub.words, in: tgtWords[sub.sentence])
        let why = sub.other.map { ", the glossary's rendering of \(index.concepts[$0].source), which the source does not have" }
          ?? ", a reworded rendering"
        findings.append(CheckFinding(
          kind: .missing, severity: .warning, term: concept.source, expected: expected, found: text, foundStatus: nil,
          replacement: nil, since: nil,
          message: "\(concept.source) is rendered \"\(text)\"\(why); the glossary has \(CheckPass.quoted(expected))",
          source: m.src, target: ctx.targetLocation(sub.sentence, words: sub.words, in: tgtWords[sub.sentence])))
        continue
      }
      if let (j, words) = rendering(links), !isPartial(c, j, words, covered: covered[j] ?? []) {
        let text = ctx.foundText(j, words: words, in: tgtWords[j])
        findings.append(CheckFinding(
          kind: .missing, severity: .warning, term: concept.source, expected: expected, found: text, foundStatus: nil,
          replacement: nil, since: nil,
          message: "\(concept.source) is rendered \"\(text)\"; the glossary has \(CheckPass.quoted(expected))",
          source: m.src, target: ctx.targetLocation(j, words: words, in: tgtWords[j])))
        continue
      }
      var message = "no rendering of \(concept.source) in the aligned target (left out or restructured?); the glossary has "
        + CheckPass.quoted(expected)
      if span.target.isEmpty { message += "; the source sentence has no aligned target sentence" }
      findings.append(CheckFinding(
        kind: .missing, severity: .info, term: concept.source, expected: expected, found: nil, foundStatus: nil,
        replacement: nil, since: nil, message: message, source: m.src, target: span.target.first.map { ctx.sentenceLocation($0) }))
    }
  }

  /// The content words among a term's linked words (``contentWords(_:present:covered:)``), as
  /// first...last word of the sentence holding most of them; nil when there are none.
  private func rendering(_ refs: [TermEvidence.WordRef]) -> (Int, ClosedRange<Int>)? {
    var bySentence: [Int: [Int]] = [:]
    for r in refs { bySentence[r.sentence, default: []].append(r.word) }
    guard let (j, words) = bySentence.max(by: { ($0.value.count, -$0.key) < ($1.value.count, -$1.key) }) else { return nil }
    return (j, words.min()!...words.max()!)
  }

  /// The content words among a term's linked words: function words, and words of a rendering
  /// of another term of the same source span, do not count (they are explained by that term).
  private func contentWords(
    _ refs: [TermEvidence.WordRef], present: Set<Int>, covered: inout [Int: Set<Int>]
  ) -> [TermEvidence.WordRef] {
    refs.filter { r in
      if covered[r.sentence] == nil {
        var s = Set<Int>()
        for h in CheckIndex.resolve(tgtRaw[r.sentence], index: index) where present.contains(h.concept) { s.formUnion(h.words) }
        covered[r.sentence] = s
      }
      return !covered[r.sentence]!.contains(r.word) && !index.targetKeys.isFunctionWord(tgtWords[r.sentence].loose[r.word])
    }
  }

  /// Whether the content words of target words `k` of sentence `j` all belong to approved
  /// renderings of `c` or of a term nested in it, or to renderings of other terms of the span
  /// (`covered`): a partial or restructured rendering ("reached" for "reached important common
  /// understandings", "G20" for "the Group of 20 (G20)", "President Xi Jinping of the People's
  /// Republic of China" for "President of the People's Republic of China"), not another choice of words.
  private func isPartial(_ c: Int, _ j: Int, _ k: ClosedRange<Int>, covered: Set<Int>) -> Bool {
    // Renderings of the term's parts count too: 共建"一带一路" as "cooperation under the Belt and Road Initiative".
    let allowed = partWords(c)
    let w = tgtWords[j]
    return k.allSatisfy { covered.contains($0) || index.targetKeys.isFunctionWord(w.loose[$0]) || allowed.contains(w.loose[$0]) }
  }

  /// Loose words of the approved renderings of `c` and of the terms nested in it.
  func partWords(_ c: Int) -> Set<Int32> {
    var allowed = Set<Int32>()
    for part in checker.nestedConcepts(c) {
      for r in index.concepts[part].renderings where checker.standing(r.entry, at: date) == .approved { allowed.formUnion(r.words.loose) }
    }
    return allowed
  }

  /// Renderings tagged forbidden, outdated on the date, anywhere in the target (whatever the
  /// source says), unless already reported as a wrong rendering of their term.
  mutating func reportForbidden() {
    var spanOf = [Int](repeating: -1, count: ctx.ts.count)
    for (n, span) in spans.enumerated() { for j in span.target { spanOf[j] = n } }
    for j in tgtRaw.indices {
      for h in CheckIndex.resolve(tgtRaw[j], index: index) {
        let e = index.concepts[h.concept].renderings[h.rendering].entry
        guard e.isForbidden, checker.isChecked(h.concept), checker.standing(e, at: date) == .outdated else { continue }
        let span = spanOf[j] >= 0 ? spans[spanOf[j]] : SentenceSpan(source: 0..<0, target: j..<(j + 1))
        let src = span.source.first.map { ctx.sentenceLocation(source: $0) } ?? ctx.nearestSourceLocation(span)
        reportWrong(h.concept, sentence: j, hit: h, expected: checker.expected(concept: h.concept, at: date), srcLoc: src, kind: .forbidden)
      }
    }
  }

  /// One source term, several approved renderings in one document: a `warning`. A rendering
  /// inside another one ("talks" in "held talks") is the same choice in a shorter context, and a
  /// variant form (tag `form` or `short`) goes with its full form: neither is an inconsistency.
  mutating func reportInconsistent() {
    for (c, all) in used.sorted(by: { $0.key < $1.key }) {
      let list = all.filter { u in
        !u.variant && !all.contains { $0.rendering != u.rendering && renderingContainsWords($0.rendering, u.rendering) }
      }
      guard list.count > 1 else { continue }
      let first = list[0], second = list[1]
      let counts = list.map { "\"\($0.rendering)\" ×\($0.count)" }.joined(separator: ", ")
      findings.append(CheckFinding(
        kind: .inconsistent, severity: .warning, term: index.concepts[c].source, expected: [first.rendering],
        found: second.rendering, foundStatus: nil, replacement: nil, since: nil,
        message: "\(index.concepts[c].source) is rendered \(list.count) ways in one document: \(counts)",
        source: second.src, target: second.tgt))
    }
  }

  /// `--reverse`: renderings in the target of span `n` whose source term is not in its
  /// source (`info`). One-word renderings that are not names ("firmly") are too common to tell.
  mutating func reportReverse(_ n: Int) {
    let span = spans[n]
    var present = Set<Int>()
    for i in span.source {
      ctx.source.utf16[ctx.ss[i].range].withUnsafeBufferPointer { present.formUnion(index.allSourceConcepts(in: $0)) }
    }
    for j in span.target {
      for h in CheckIndex.resolve(tgtRaw[j], index: index) {
        let rendering = index.concepts[h.concept].renderings[h.rendering]
        guard checker.isChecked(h.concept), rendering.words.count > 1 || rendering.entry.target.first?.isUppercase == true
        else { continue }
        let candidates = checker.concepts(sharing: rendering.words.loose, or: h.concept)
        if candidates.contains(where: present.contains) { continue }
        let tgtLoc = ctx.targetLocation(j, h, words: tgtWords[j])
        let srcLoc = span.source.first.map { ctx.sentenceLocation(source: $0) } ?? ctx.nearestSourceLocation(span)
        let terms = candidates.map { index.concepts[$0].source }.joined(separator: " / ")
        let text = ctx.foundText(j, h, words: tgtWords[j])
        findings.append(CheckFinding(
          kind: .reverse, severity: .info, term: terms, expected: [rendering.entry.target], found: text,
          foundStatus: rendering.entry.status, replacement: nil, since: nil,
          message: "\"\(text)\" renders \(terms), which is not in the aligned source", source: srcLoc, target: tgtLoc))
      }
    }
  }
}

/// Whether rendering `whole` contains rendering `part` as whole words (case-insensitive).
func renderingContainsWords(_ whole: String, _ part: String) -> Bool {
  func words(_ s: String) -> [Substring] { s.lowercased().split { !$0.isLetter && !$0.isNumber } }
  let w = words(whole), p = words(part)
  guard !p.isEmpty, p.count < w.count else { return false }
  return Containment.firstIndex(of: p, in: w) != nil
}
