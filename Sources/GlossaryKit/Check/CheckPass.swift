/// One document pair being checked by ``TerminologyChecker``: the segmented and
/// paired documents, what was found so far, and the steps of a check.
struct CheckPass {
  let checker: TerminologyChecker
  let date: ISODate
  let doc: PreparedPair
  var ctx: CheckContext { doc.ctx }
  var spans: [SentenceSpan] { doc.spans }
  var srcHits: [[CheckIndex.SourceHit]] { doc.srcHits }
  var tgtWords: [TargetWords] { doc.tgtWords }
  var tgtRaw: [[CheckIndex.RenderingHit]] { doc.tgtRaw }
  var index: CheckIndex { checker.index }

  var findings: [CheckFinding] = []
  var termsChecked = 0
  /// Concept -> approved renderings used: target, count, first location pair (for inconsistency).
  var used: [Int: [(rendering: String, variant: Bool, count: Int, src: CheckLocation, tgt: CheckLocation)]] = [:]
  /// Target places already reported as wrong renderings: (sentence, first word).
  var reportedWrong = Set<[Int]>()
  /// Terms with no rendering in their aligned target, for the word aligner.
  var missing: [(query: TermEvidence.Query, concept: Int, src: CheckLocation)] = []
  /// Per target sentence: concepts with an approved rendering in it (filled lazily).
  var approvedIn: [Int: Set<Int>] = [:]
  /// Concepts of the span being checked (its terms and the terms nested in them).
  var present = Set<Int>()
  /// Source occurrences of each concept of `present` in the span (1 for a nested one).
  var presentCount: [Int: Int] = [:]
  /// Concepts of the whole source document (``documentConcepts()``, filled lazily).
  var inDocument: Set<Int>?
  /// Per span: renderings of concepts absent from the source document (filled lazily).
  var otherRenderings: [Int: [(sentence: Int, words: ClosedRange<Int>, other: Int?)]] = [:]

  init(checker: TerminologyChecker, date: ISODate, doc: PreparedPair) {
    self.checker = checker
    self.date = date
    self.doc = doc
  }

  /// The document-wide steps after ``explainMissing(_:)``, and the report.
  mutating func finish() -> CheckReport {
    reportForbidden()
    reportInconsistent()
    if checker.options.reverse { for n in spans.indices { reportReverse(n) } }
    findings.sort { a, b in (a.severity, a.source.start, a.kind.rawValue) < (b.severity, b.source.start, b.kind.rawValue) }
    return CheckReport(
      source: ctx.source.path, target: ctx.target.path, date: date, sourceLanguage: index.sourceLanguage.code,
      targetLanguage: index.targetLanguage.code, termsChecked: termsChecked, findings: findings)
  }

  // MARK: Terms of one span

  /// Checks the terms of span `n`: wrong renderings (errors), unapproved ones (warnings),
  /// approved ones (for consistency), and terms with none (explained later).
  mutating func checkSpan(_ n: Int) {
    let span = spans[n]
    // Source occurrences in this span: first per concept, and counts.
    var first: [Int: (sentence: Int, hit: Int)] = [:]
    var count: [Int: Int] = [:]
    var order: [Int] = []
    for i in span.source {
      for (k, h) in srcHits[i].enumerated() {
        guard checker.isChecked(h.concept) else { continue }
        termsChecked += 1
        count[h.concept, default: 0] += 1
        if first[h.concept] == nil { first[h.concept] = (i, k); order.append(h.concept) }
      }
    }
    guard !order.isEmpty else { return }
    // Terms nested in the span's terms (一带一路 in 共建"一带一路"): their wrong renderings are errors too.
    var nested: [Int: Int] = [:]  // concept -> source sentence
    for i in span.source {
      ctx.source.utf16[ctx.ss[i].range].withUnsafeBufferPointer { buf in
        for c in index.allSourceConcepts(in: buf) where first[c] == nil && nested[c] == nil && checker.isChecked(c) { nested[c] = i }
      }
    }
    present = Set(order).union(nested.keys)
    presentCount = count
    for c in nested.keys { presentCount[c] = 1 }
    // Renderings of these concepts in the aligned target, one concept per target word.
    var found: [Int: [(sentence: Int, hit: CheckIndex.RenderingHit)]] = [:]
    for j in span.target {
      let mine = tgtRaw[j].filter { present.contains($0.concept) }
      for h in CheckIndex.resolve(mine, index: index) { found[h.concept, default: []].append((j, h)) }
    }
    for c in order {
      let (si, k) = first[c]!
      let marks = srcHits[si].filter { $0.concept == c }.map(\.range)
      let srcLoc = ctx.location(sourceSide: true, sentence: si, range: srcHits[si][k].range, marks: marks)
      checkConcept(c, span: span, srcLoc: srcLoc, sourceCount: count[c] ?? 1, found: found[c] ?? [], query: .init(span: n, sentence: si, hit: k))
    }
    for (c, i) in nested.sorted(by: { $0.key < $1.key }) {
      guard let hits = found[c], hits.contains(where: { checker.standing(rendering($0.hit).entry, at: date) == .outdated }) else { continue }
      reportOutdated(c, found: hits, sourceCount: 1, srcLoc: nestedLocation(c, sentence: i), expected: checker.expected(concept: c, at: date))
    }
  }

  /// The rendering of a hit.
  func rendering(_ h: CheckIndex.RenderingHit) -> CheckIndex.Rendering { index.concepts[h.concept].renderings[h.rendering] }

  /// Whether a rendering found for `c` is also an approved rendering of another term of the span
  /// ("President" for 总统 beside 国家主席): it then says nothing about `c`.
  func explainedElsewhere(_ h: CheckIndex.RenderingHit, of c: Int) -> Bool {
    let own = checker.nestedConcepts(c)
    return checker.concepts(sharing: rendering(h).words.loose, or: c).contains { o in
      !own.contains(o) && present.contains(o)
        && index.concepts[o].renderings.contains { $0.words.loose == rendering(h).words.loose && checker.standing($0.entry, at: date) == .approved }
    }
  }

  /// Reports the outdated renderings of `c` among `found` (errors), unless `c` has as many
  /// approved renderings of its own as source occurrences: an outdated rendering beside them
  /// usually renders another word (首相 "Prime Minister" next to 国务院总理 "Premier of the State Council").
  /// Returns whether one was reported.
  @discardableResult
  mutating func reportOutdated(
    _ c: Int, found: [(sentence: Int, hit: CheckIndex.RenderingHit)], sourceCount: Int, srcLoc: CheckLocation, expected: [String]
  ) -> Bool {
    let approved = found.filter { checker.standing(rendering($0.hit).entry, at: date) == .approved && !explainedElsewhere($0.hit, of: c) }
    guard approved.count < sourceCount else { return false }
    var reported = false
    for (j, h) in found where checker.standing(rendering(h).entry, at: date) == .outdated {
      reported = true
      reportWrong(c, sentence: j, hit: h, expected: expected, srcLoc: srcLoc, kind: .deprecated)
    }
    return reported
  }

  /// An outdated rendering of `c` that another term of the span also has as an approved one
  /// ("Prime Minister": deprecated for 国务院总理, right for a foreign 总理) is a wrong rendering of
  /// `c` when the target has it more often than the other terms occur in the source.
  private mutating func reportSurplus(_ c: Int, span: SentenceSpan, srcLoc: CheckLocation, expected: [String]) -> Bool {
    for r in index.concepts[c].renderings where checker.standing(r.entry, at: date) == .outdated {
      let own = checker.nestedConcepts(c)  // 总理 in 国务院总理 explains nothing about it
      let explainers = present.filter { o in
        !own.contains(o) && index.concepts[o].renderings.contains { $0.words.loose == r.words.loose && checker.standing($0.entry, at: date) == .approved }
      }
      var places: [(Int, CheckIndex.RenderingHit)] = []
      for j in span.target {
        for h in CheckIndex.resolve(tgtRaw[j].filter { present.contains($0.concept) }, index: index)
        where rendering(h).words.loose == r.words.loose {
          places.append((j, h))
        }
      }
      guard places.count > explainers.reduce(0, { $0 + (presentCount[$1] ?? 1) }), let (j, h) = places.first else { continue }
      let mine = CheckIndex.RenderingHit(
        words: h.words, concept: c, rendering: index.concepts[c].renderings.firstIndex { $0.words.loose == r.words.loose && $0.entry == r.entry }!,
        exact: h.exact)
      reportWrong(c, sentence: j, hit: mine, expected: expected, srcLoc: srcLoc, kind: .deprecated)
      return true
    }
    return false
  }

  /// Where nested term `c` is in source sentence `i` (the sentence when it cannot be placed).
  private func nestedLocation(_ c: Int, sentence i: Int) -> CheckLocation {
    let key = ctx.source.utf16[ctx.ss[i].range].withUnsafeBufferPointer { index.normalizer.key(for: $0) }
    guard let r = Containment.ranges(of: index.concepts[c].sourceKey, in: key.units).first else { return ctx.sentenceLocation(source: i) }
    let range = key.originalRange(r)
    return ctx.location(sourceSide: true, sentence: i, range: range, marks: [range])
  }

  private mutating func checkConcept(
    _ c: Int, span: SentenceSpan, srcLoc: CheckLocation, sourceCount: Int, found: [(sentence: Int, hit: CheckIndex.RenderingHit)],
    query: TermEvidence.Query
  ) {
    let concept = index.concepts[c]
    let expected = checker.expected(concept: c, at: date)
    var approved = 0
    var others: [(Int, CheckIndex.RenderingHit, RenderingStanding)] = []
    for (j, h) in found {
      let e = concept.renderings[h.rendering].entry
      let v = checker.standing(e, at: date)
      guard v == .approved else { others.append((j, h, v)); continue }
      approved += 1
      var list = used[c, default: []]
      if let u = list.firstIndex(where: { $0.rendering == e.target }) { list[u].count += 1 } else {
        list.append((e.target, e.isVariantForm, 1, srcLoc, ctx.targetLocation(j, h, words: tgtWords[j])))
      }
      used[c] = list
    }
    var wrong = reportOutdated(c, found: found, sourceCount: sourceCount, srcLoc: srcLoc, expected: expected)
    if approved == 0, !wrong { wrong = reportSurplus(c, span: span, srcLoc: srcLoc, expected: expected) }
    if approved > 0 || wrong || expected.isEmpty { return }
    if let (j, h, v) = others.first {
      // A rendering of the term that is not approved on this date: the translator's choice is known.
      let e = concept.renderings[h.rendering].entry
      let why = v == .notYetValid
        ? "valid only from \(e.validFrom.map { "\($0)" } ?? "?") (document dated \(date))"
        : "\(e.status.rawValue), not enforced"
      findings.append(CheckFinding(
        kind: .missing, severity: .warning, term: concept.source, expected: expected,
        found: ctx.foundText(j, h, words: tgtWords[j]), foundStatus: e.status, replacement: nil, since: nil,
        message: "\"\(e.target)\" is \(why); use \(Self.quoted(expected))",
        source: srcLoc, target: ctx.targetLocation(j, h, words: tgtWords[j])))
      return
    }
    if foundNearby(c, span: span) { return }
    missing.append((query, c, srcLoc))
  }

  /// Reports a wrong rendering (deprecated, superseded on the date, forbidden) once per target place.
  mutating func reportWrong(
    _ c: Int, sentence j: Int, hit h: CheckIndex.RenderingHit, expected: [String], srcLoc: CheckLocation, kind: CheckFinding.Kind
  ) {
    guard reportedWrong.insert([j, h.words.lowerBound]).inserted else { return }
    let e = index.concepts[c].renderings[h.rendering].entry
    let since = e.wrongSince
    let replacement = e.replacedBy.isEmpty ? expected.first : e.replacedBy
    let what = e.status == .deprecated
      ? "deprecated" + (since.map { " since \($0)" } ?? "")
      : "\(e.status.rawValue) since \(since.map { "\($0)" } ?? "?")"
    var message = "\"\(e.target)\" is \(what) (document dated \(date)); use \"\(replacement ?? "?")\""
    if kind == .forbidden { message = "\"\(e.target)\" is never to be used for \(index.concepts[c].source); use \"\(replacement ?? "?")\"" }
    findings.append(CheckFinding(
      kind: kind, severity: .error, term: index.concepts[c].source, expected: expected,
      found: ctx.foundText(j, h, words: tgtWords[j]), foundStatus: e.status, replacement: replacement, since: since,
      message: message, source: srcLoc, target: ctx.targetLocation(j, h, words: tgtWords[j])))
  }

  /// Whether an approved rendering of `c` occurs in the target sentences next
  /// to the span (within ``CheckOptions/slack``, same paragraph).
  private mutating func foundNearby(_ c: Int, span: SentenceSpan) -> Bool {
    let ts = ctx.ts
    guard checker.options.slack > 0, !ts.isEmpty else { return false }
    let anchor = span.target.isEmpty ? min(span.target.lowerBound, ts.count - 1) : span.target.lowerBound
    let paragraphs = Set((span.target.isEmpty ? anchor..<(anchor + 1) : span.target).map { ts[$0].paragraph })
    let slack = checker.options.slack
    let lo = max(0, span.target.lowerBound - slack), hi = min(ts.count, max(span.target.upperBound, anchor + 1) + slack)
    for j in lo..<hi where !span.target.contains(j) && paragraphs.contains(ts[j].paragraph) {
      if approvedConcepts(j).contains(c) { return true }
    }
    return false
  }

  private mutating func approvedConcepts(_ j: Int) -> Set<Int> {
    if let s = approvedIn[j] { return s }
    var s = Set<Int>()
    for h in tgtRaw[j] where checker.standing(index.concepts[h.concept].renderings[h.rendering].entry, at: date) == .approved {
      s.insert(h.concept)
    }
    approvedIn[j] = s
    return s
  }

  static func quoted(_ renderings: [String]) -> String {
    guard let first = renderings.first else { return "?" }
    return "\"\(first)\"" + (renderings.count > 1 ? " (or " + renderings.dropFirst().map { "\"\($0)\"" }.joined(separator: ", ") + ")" : "")
  }
}
