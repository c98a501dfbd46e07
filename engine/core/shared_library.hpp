#pragma once

// A shared library opened when it is first needed rather than when the program starts: libzip
// (DOCX and ODT) and libxlsxwriter (the workbooks) bring OpenSSL's libcrypto with them, and
// binding their symbols was some 4,300 of the 14,500 lookups every command made at start,
// whatever it did.

#include <string>

namespace unct {

class SharedLibrary {
public:
  // Opens `soname` (as the build found it). Throws std::runtime_error naming it and the Debian
  // `package` that installs it when it cannot be opened.
  SharedLibrary(std::string soname, std::string package);
  // Leaves the library loaded: what was taken from it may be in use until the program ends.
  ~SharedLibrary() = default;
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;

  // The function `name`, of the type the library's header declares (`F` is decltype(::name)).
  // Throws std::runtime_error naming the library and the function when it has none.
  template <class F>
  F* function(const char* name) const {
    return reinterpret_cast<F*>(address(name));
  }

private:
  void* address(const char* name) const;
  void* m_handle = nullptr;
  std::string m_soname;
  std::string m_package;
};

}  // namespace unct
