// glossary-bench: release-build benchmarks. Each figure is printed beside a
// baseline measured in the same process, so ratios travel between machines.
//
//   swift run -c release glossary-bench text      normalization + tokenization vs bare ICU
//   swift run -c release glossary-bench align     sentence alignment speed and memory
//   swift run -c release glossary-bench wordalign word alignment speed
//   swift run -c release glossary-bench lookup    glossary lookup vs grep -F
//   swift run -c release glossary-bench import    termbase import and first index build vs sort
//   swift run -c release glossary-bench extract   corpus mining speed
//   swift run -c release glossary-bench check     terminology check speed (--long: one long sentence)
//   swift run -c release glossary-bench plant     planted terminology errors for scripts/eval-check.sh
//   swift run glossary-bench fuzz [--format F] [--seed S] [--count N]   mutation fuzzing of every parser
import Foundation

let benchmarks: [String: ([String]) throws -> Void] = [
  "text": benchText,
  "align": benchAlign,
  "wordalign": benchWordAlign,
  "lookup": benchLookup,
  "import": benchImport,
  "extract": benchExtract,
  "check": benchCheck,
  "plant": benchPlant,
  "fuzz": benchFuzz,
]

let args = Array(CommandLine.arguments.dropFirst())
guard let name = args.first, let run = benchmarks[name] else {
  print("usage: glossary-bench \(benchmarks.keys.sorted().joined(separator: "|")) [options]")
  exit(args.isEmpty ? 0 : 64)
}
do {
  try run(Array(args.dropFirst()))
} catch {
  FileHandle.standardError.write(Data("glossary-bench: \(error)\n".utf8))
  exit(1)
}
