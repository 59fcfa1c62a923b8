#include "LineAudioAnalyzerCommand.h"

#include "LineAudioAnalyzer.h"

#include <QtCore/qtextstream.h>

#include <cstdio>
#include <cstring>

namespace {
constexpr const char *Usage =
    "usage: hookline --analyze-line-audio FILE --profile us|eu|uk [--cid class|clip|dtmf]\n";
}

bool isLineAudioAnalyzerCommand(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--analyze-line-audio"))
            return true;
    }
    return false;
}

int runLineAudioAnalyzerCommand(int argc, char **argv)
{
    QString file;
    QString profile;
    QString cid;
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (!std::strcmp(argv[i], "--analyze-line-audio") && hasValue) {
            file = QString::fromLocal8Bit(argv[++i]);
        } else if (!std::strcmp(argv[i], "--profile") && hasValue) {
            profile = QString::fromLocal8Bit(argv[++i]);
        } else if (!std::strcmp(argv[i], "--cid") && hasValue) {
            cid = QString::fromLocal8Bit(argv[++i]);
        } else {
            std::fprintf(stderr, "hookline: unexpected argument '%s'\n%s", argv[i], Usage);
            return 2;
        }
    }
    if (file.isEmpty() || profile.isEmpty()) {
        std::fputs(Usage, stderr);
        return 2;
    }
    QTextStream out(stdout);
    QString error;
    const int code = analyzeLineAudioFile(file, profile, cid, out, &error);
    if (code != 0)
        std::fprintf(stderr, "hookline: %s\n", qPrintable(error));
    return code;
}
