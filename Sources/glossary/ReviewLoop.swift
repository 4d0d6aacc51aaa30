import Foundation
import GlossaryKit

/// The interactive session: draws a screen per concept, reads one key,
/// performs the decision through `ReviewSession` (which writes it at once).
struct ReviewLoop {
  let session: ReviewSession
  let path: String
  let corpus: ReviewCorpusEvidence?
  /// Source and target language codes of the glossary (for corpus files).
  let languages: (String, String)

  /// Runs until quit or done; returns the summary to print on the normal screen.
  func run() throws -> String {
    let terminal = try ReviewTerminal()
    defer { terminal.restore() }
    var screen = ReviewScreen(style: ReviewStyle(color: Terminal.useColor), path: path, columns: terminal.columns)
    var message: String? = nil
    loop: while true {
      var extra: [ReviewEvidence] = []
      if let corpus, let p = session.concept?.proposal, p.examples.count < 2 {
        extra = corpus.evidence(for: p, sourceLanguage: languages.0, targetLanguage: languages.1, limit: 3 - p.examples.count)
      }
      screen.columns = terminal.columns
      terminal.write(screen.render(session: session, message: message, extraEvidence: extra))
      message = nil
      let key = terminal.readKey()
      if session.concept == nil {
        if key == .char("u") { message = undo() ; continue }
        break
      }
      do {
        switch key {
        case .char("a"): message = describe(try session.perform(.accept))
        case .char("r"): message = describe(try session.perform(.reject))
        case .char("v"): message = describe(try session.perform(.variant))
        case .char("w"): message = describe(try session.perform(.acceptSwitch))
        case .char("s"): message = describe(try session.perform(.skip))
        case .char("u"): message = undo()
        case .char("e"):
          let proposal = session.concept?.proposal?.target ?? ""
          switch edit(terminal, prompt: "rendering: ", initial: proposal) {
          case .done(let t): message = describe(try session.perform(.edit(t)))
          case .interrupted: break loop
          default: message = "edit cancelled"
          }
        case .char("d"):
          let preferred = session.concept?.preferred?.target ?? ""
          switch edit(terminal, prompt: "replaced by: ", initial: preferred) {
          case .done(let t): message = describe(try session.perform(.deprecate(replacement: t)))
          case .interrupted: break loop
          default: message = "cancelled"
          }
        case .char("n"):
          switch edit(terminal, prompt: "note: ", initial: session.concept?.proposal?.note ?? "") {
          case .done(let t): message = describe(try session.perform(.note(t)))
          case .interrupted: break loop
          default: message = "cancelled"
          }
        case .char(let c) where c.isASCII && c.isNumber && c != "0":
          message = describe(try session.perform(.pick(Int(String(c))! - 1)))
        case .char("?"):
          terminal.write("\u{1B}[H\u{1B}[2J" + ReviewScreen.help + "\n\npress any key ")
          if terminal.readKey() == .interrupt { break loop }
        case .char("q"), .interrupt, .eof: break loop
        default: message = "unknown key: press ? for help"
        }
      } catch let e as ReviewError {
        message = ReviewStyle(color: Terminal.useColor).warn(e.description)
      } catch {
        // Lock held by another command, file broken by another editor ...: nothing was written; retry or quit.
        message = ReviewStyle(color: Terminal.useColor).warn("not saved: \(error)")
      }
    }
    terminal.restore()
    let p = session.progress
    let left = p.total - p.position
    return "\(path): accepted \(p.accepted), edited \(p.edited), variants \(p.variants), deprecated \(p.deprecated), rejected \(p.rejected), skipped \(p.skipped); "
      + (left > 0 ? "\(left) concept\(left == 1 ? "" : "s") left (run glossary review again to resume)" : "nothing left in this session")
  }

  private func edit(_ terminal: ReviewTerminal, prompt: String, initial: String) -> ReviewLineEditor.Result {
    var editor = ReviewLineEditor(initial)
    while true {
      terminal.write(editor.render(prompt: prompt))
      let r = editor.handle(terminal.readKey())
      if r != .editing { return r }
    }
  }

  private func undo() -> String {
    do {
      let o = try session.undo()
      return "undone: \(o.rawValue)"
    } catch {
      return String(describing: error)
    }
  }

  private func describe(_ o: ReviewOutcome) -> String {
    switch o {
    case .accepted: return "saved: accepted"
    case .edited: return "saved: edited and accepted"
    case .variant: return "saved: admitted variant"
    case .deprecated: return "saved: deprecated"
    case .rejected: return "saved: rejected"
    case .skipped: return "skipped"
    case .noted: return "saved: note"
    case .switched: return "saved: switch accepted (old rendering superseded)"
    }
  }
}
