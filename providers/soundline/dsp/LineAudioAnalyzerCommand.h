#pragma once

// The command-line front of analyzeLineAudioFile, so app/main.cpp only dispatches:
//   hookline --analyze-line-audio FILE --profile us|eu|uk [--cid class|clip|dtmf]
// JSON lines go to stdout, errors to stderr; returns the exit code (0, or 2 on bad input).
bool isLineAudioAnalyzerCommand(int argc, char **argv);
int runLineAudioAnalyzerCommand(int argc, char **argv);
