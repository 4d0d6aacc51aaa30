/// What an import did.
public struct ImportReport: Sendable, Equatable {
  /// Concepts added whole.
  public var conceptsAdded = 0
  /// Terms added (those of new concepts included).
  public var added = 0
  /// Terms whose empty fields were filled in.
  public var updated = 0
  public var unchanged = 0
  /// Terms (or concepts) not taken because they contradict the glossary (kept as it was).
  public var conflicts: [String] = []
  public init() {}
}

extension GlossaryImporter {
  /// The glossary's spelling of each language of `imported`.
  /// - Throws: `GlossaryError.refused` (exit 65) when the glossary does not hold one of them.
  public static func languageMap(_ imported: Glossary, into g: Glossary, path: String, file: String) throws -> [String: String] {
    var map: [String: String] = [:]
    var missing: [String] = []
    for l in imported.languages {
      if let mine = g.glossaryLanguage(for: l) { map[l] = mine } else { missing.append(l) }
    }
    if !missing.isEmpty {
      throw GlossaryError.refused(path: path, reason:
        "\(file) holds \(imported.languages.joined(separator: ", ")) but the glossary holds \(g.languages.joined(separator: ", ")): nothing imported (import into a glossary of the file's languages, e.g. a new --glossary NAME.\(imported.languages.prefix(2).joined(separator: "-")).tsv)")
    }
    return map
  }

  /// Merges imported concepts into `g`, concept by concept (linear: hash maps from terms to concepts,
  /// each touched concept checked on its own).
  ///
  /// An imported concept joins the glossary concept with the same id when that one shares a term with
  /// it, else the one concept sharing its source-language terms (``target(for:in:)``); with none it is added
  /// (keeping its id when free). Joining adds the new terms and fills empty fields of the known ones; a
  /// term whose status differs, or a change the concept's rules refuse (a second preferred term, ...),
  /// is reported as a conflict and the glossary's concept is kept as it was.
  /// - Parameter checked: `imported` was read by ``read(path:format:fallback:)``, which checks every concept with
  ///   the glossary's rules: new concepts are added without checking them again.
  /// - Throws: `GlossaryError.refused` when a language of the import is not the glossary's.
  public static func merge(
    _ imported: Glossary, into g: inout Glossary, path: String, file: String = "import", checked: Bool = false
  ) throws -> ImportReport {
    let map = try languageMap(imported, into: g, path: path, file: file)
    var report = ImportReport()
    for var c in imported.concepts {
      for i in c.terms.indices { c.terms[i].language = map[c.terms[i].language] ?? c.terms[i].language }
      for i in c.descriptions.indices where c.descriptions[i].language != "*" {
        c.descriptions[i].language = map[c.descriptions[i].language] ?? c.descriptions[i].language
      }
      var label: String { ConceptRules.conceptLabel(c, g) }
      switch target(for: c, in: g) {
      case .ambiguous(let ids):
        report.conflicts.append("\(label): its terms belong to several concepts (\(ids.joined(separator: ", "))); not merged")
      case .none:
        var new = c
        if g.concept(id: c.id) != nil || ConceptRules.idProblem(c.id) != nil { new.id = g.newConceptID() }
        new.line = 0
        if !checked, let problem = ConceptRules.check(new, in: g, path: path).errors.first {
          report.conflicts.append("\(label): \(problem.message)")
          continue
        }
        g.appendConcept(new)
        report.conceptsAdded += 1
        report.added += c.terms.count
      case .existing(let id):
        var counts = (added: 0, updated: 0, unchanged: 0)
        var conflicts: [String] = []
        let before = g.concept(id: id)!
        var merged = before
        for t in c.terms {
          guard let k = merged.termIndex(language: t.language, text: t.text) else {
            merged.terms.append(t)
            counts.added += 1
            continue
          }
          let cur = merged.terms[k]
          if cur.status != t.status {
            conflicts.append("\(label) \(t.language) \"\(t.text)\": glossary says \(cur.status.rawValue), import says \(t.status.rawValue); kept \(cur.status.rawValue)")
            continue
          }
          var filled = cur
          if filled.note.isEmpty { filled.note = t.note }
          if filled.validFrom == nil { filled.validFrom = t.validFrom }
          if filled.validTo == nil { filled.validTo = t.validTo }
          if filled.replacedBy.isEmpty { filled.replacedBy = t.replacedBy }
          if filled.partOfSpeech.isEmpty { filled.partOfSpeech = t.partOfSpeech }
          for tag in t.tags where !filled.tags.contains(tag) && !merged.tags.contains(tag) { filled.tags.append(tag) }
          if filled == cur { counts.unchanged += 1 } else { merged.terms[k] = filled; counts.updated += 1 }
        }
        for d in c.descriptions {
          let cur = merged.description(for: d.language) ?? ConceptDescription(language: d.language)
          var filled = cur
          if filled.subjectField.isEmpty { filled.subjectField = d.subjectField }
          if filled.definition.isEmpty { filled.definition = d.definition; filled.definitionSource = d.definitionSource }
          if filled.note.isEmpty { filled.note = d.note }
          for tag in d.tags where !filled.tags.contains(tag) { filled.tags.append(tag) }
          if filled != cur {
            merged.descriptions.removeAll { Glossary.sameLanguage($0.language, d.language) }
            merged.descriptions.append(filled)
          }
        }
        if merged == before {
          report.unchanged += counts.unchanged
          report.conflicts += conflicts
          continue
        }
        do {
          try g.modifyConcept(id: id, path: path) { $0 = merged }
          report.added += counts.added
          report.updated += counts.updated
          report.unchanged += counts.unchanged
          report.conflicts += conflicts
        } catch {
          report.conflicts += conflicts
          report.conflicts.append("\(label): \(reason(error)); kept the glossary's concept \(id)")
        }
      }
    }
    return report
  }

  enum Target: Equatable {
    case none
    case existing(String)
    case ambiguous([String])
  }

  /// The glossary concept an imported concept joins: the one with its id when they share a term, else the
  /// one sharing its source-language terms, else (a concept without source-language terms) the one sharing
  /// any term. Renderings shared with other concepts (homonyms) do not join concepts.
  static func target(for c: Concept, in g: Glossary) -> Target {
    func sharing(_ terms: [Term]) -> [String] {
      var ids: [String] = []
      for t in terms {
        for id in g.conceptIDs(withTerm: t.text, language: t.language) where !ids.contains(id) { ids.append(id) }
      }
      return ids
    }
    if let same = g.concept(id: c.id), c.terms.contains(where: { same.termIndex(language: $0.language, text: $0.text) != nil }) {
      return .existing(c.id)
    }
    let sources = c.terms(in: g.sourceLanguage)
    let shared = sharing(sources.isEmpty ? c.terms : sources)
    switch shared.count {
    case 0: return .none
    case 1: return .existing(shared[0])
    default: return .ambiguous(shared)
    }
  }

  static func reason(_ error: Error) -> String {
    if case let GlossaryError.refused(_, reason) = error { return reason }
    return "\(error)"
  }
}
