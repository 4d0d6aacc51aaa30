// Placeholder: replaced by the issue that builds this benchmark.
func benchCheck(_ args: [String]) throws { print("not built yet") }
