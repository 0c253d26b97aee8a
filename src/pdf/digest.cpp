#include "pdf/digest.hpp"

#include <qpdf/QPDFCryptoProvider.hh>

namespace zs::pdf {

std::string sha256(std::string_view bytes) {
    auto impl = QPDFCryptoProvider::getImpl();
    impl->SHA2_init(256);
    impl->SHA2_update(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    impl->SHA2_finalize();
    return impl->SHA2_digest();
}

} // namespace zs::pdf
