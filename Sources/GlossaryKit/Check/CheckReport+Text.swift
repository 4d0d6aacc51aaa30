/// Human-readable and TSV renderings of check reports (JSON is `Codable`).
extension CheckReport {
  /// ANSI styles used when colour is on.
  enum Style: String {
    case red = "\u{1B}[31m", yellow = "\u{1B}[33m", cyan = "\u{1B}[36m", bold = "\u{1B}[1m"
    case dim = "\u{1B}[2m", reset = "\u{1B}[0m", mark = "\u{1B}[1;4m"
  }

  /// Text lines: for each finding (of `severity`, or all) a `path:line:column: severity [kind]
  /// term: message` line, the target location, both sentences with the terms marked, and for
  /// errors and warnings the rendering to use.
  public func textLines(color: Bool = false, severity: CheckFinding.Severity? = nil) -> [String] {
    func paint(_ s: String, _ style: Style) -> String { color ? style.rawValue + s + Style.reset.rawValue : s }
    var out: [String] = []
    for f in findings where severity == nil || f.severity == severity {
      let sev = paint(f.severity.rawValue, f.severity == .error ? .red : f.severity == .warning ? .yellow : .cyan)
      out.append("\(f.source.path):\(f.source.line):\(f.source.column): \(sev) [\(f.kind.rawValue)] \(paint(f.term, .bold)): \(f.message)")
      if let t = f.target { out.append("    -> \(t.path):\(t.line):\(t.column)") }
      let open = color ? Style.mark.rawValue : "[[", close = color ? Style.reset.rawValue : "]]"
      out.append("    \(sourceLanguage): " + f.source.markedSentence(open: open, close: close))
      if let t = f.target { out.append("    \(targetLanguage): " + t.markedSentence(open: open, close: close)) }
      if f.severity != .info, let use = f.replacement ?? f.expected.first {
        out.append("    use: " + paint(use, .bold))
      }
    }
    return out
  }

  /// One-line summary.
  public var summary: String {
    let infos = findings.count - errors - warnings
    return "\(source) | \(target) (\(date)): \(termsChecked) term\(termsChecked == 1 ? "" : "s") checked, "
      + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
      + (infos > 0 ? ", \(infos) info" : "")
  }

  /// Header of ``tsvRows()``.
  public static let tsvHeader = [
    "kind", "severity", "term", "expected", "found", "source", "target", "date", "message", "source_sentence", "target_sentence",
  ].joined(separator: "\t")

  /// One TSV row per finding (tabs and line breaks in fields become spaces).
  public func tsvRows() -> [String] {
    let clean = OneLine.flatten
    return findings.map { f in
      [
        f.kind.rawValue, f.severity.rawValue, f.term, f.expected.joined(separator: " | "), f.found ?? "",
        "\(f.source.path):\(f.source.line):\(f.source.column)",
        f.target.map { "\($0.path):\($0.line):\($0.column)" } ?? "", date.description, f.message,
        f.source.markedSentence(), f.target?.markedSentence() ?? "",
      ].map(clean).joined(separator: "\t")
    }
  }
}
