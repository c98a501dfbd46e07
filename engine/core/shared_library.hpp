#pragma once

// A shared library opened when it is first needed rather than when the program starts: libzip
// (DOCX and ODT) and libxlsxwriter (the workbooks) bring OpenSSL's libcrypto with them, and
// binding their symbols was some 4,300 of the 14,500 lookups every command made at start,
// whatever it did.

#include <stdexcept>
#include <string>

namespace unct {

// A library the program needs is not installed (or not the version it was built with): not a
// fault of the input, nor of the program. The message names the library, what needs it and the
// Debian package to install.
class MissingLibrary : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class SharedLibrary {
public:
  // Opens `soname` (as the build found it), which `purpose` needs ("reading DOCX files"). Throws
  // MissingLibrary naming it, the purpose and the Debian `package` that installs it when it
  // cannot be opened.
  SharedLibrary(std::string soname, std::string package, std::string purpose);
  // Leaves the library loaded: what was taken from it may be in use until the program ends.
  ~SharedLibrary() = default;
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;

  // The function `name`, of the type the library's header declares (`F` is decltype(::name)).
  // Throws MissingLibrary naming the library and the function when it has none.
  template <class F>
  F* function(const char* name) const {
    return reinterpret_cast<F*>(address(name));
  }

private:
  void* address(const char* name) const;
  std::string m_soname;
  std::string m_package;
  void* m_handle = nullptr;
};

// A table of a library's functions, loaded once, the first time it is asked for. `Table` lists
// them with the two macros below over an X-macro list of their names:
//   struct Libzip {
//     UNCT_LIBZIP_FUNCTIONS(UNCT_FUNCTION_MEMBER)
//     void bind(const SharedLibrary& library) { UNCT_LIBZIP_FUNCTIONS(UNCT_FUNCTION_BIND) }
//   };
//   functions_of<Libzip>(UNCT_LIBZIP_SONAME, UNCT_LIBZIP_PACKAGE, "reading DOCX files").zip_close(z);
// Throws MissingLibrary as SharedLibrary does, and tries again at the next call.
template <class Table>
const Table& functions_of(const char* soname, const char* package, const char* purpose) {
  static const Table table = [&] {
    const SharedLibrary library(soname, package, purpose);
    Table out;
    out.bind(library);
    return out;
  }();
  return table;
}

}  // namespace unct

// A member named as the library's function, of its type as the library's header declares it.
#define UNCT_FUNCTION_MEMBER(name) decltype(&::name) name = nullptr;
// Inside Table::bind(const SharedLibrary& library): that member taken from the library.
#define UNCT_FUNCTION_BIND(name) name = library.function<decltype(::name)>(#name);
