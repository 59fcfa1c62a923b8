// Runs fuzz_settings.cpp's entry point on the files named on the command line (the seed corpus, with the
// reproducers of past bugs), so a plain build checks them in ctest without libFuzzer.

#include <QtCore/qfile.h>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        QFile file(QString::fromLocal8Bit(argv[i]));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", argv[i]);
            return 1;
        }
        const QByteArray data = file.readAll();
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
        std::printf("ok %s\n", argv[i]);
    }
    return 0;
}
