"""langscan's benchmark harness: labelled corpus builder, runner with anchor tools, error browser."""
