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

}  // namespace unct
