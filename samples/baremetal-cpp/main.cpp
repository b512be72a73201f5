// baremetal-cpp: freestanding C++ on the same boot stubs and startup as baremetal-c (see `sources`).
// Classes with virtual functions, templates, constexpr, and static constructors that the startup
// code runs from .init_array. Built with -fno-exceptions -fno-rtti.
#include "../baremetal-c/platform.h"

namespace {

// A fixed-capacity vector: a template with no heap.
template <typename T, unsigned Capacity>
class StaticVector {
public:
    constexpr StaticVector() = default;
    constexpr bool push(const T &value)
    {
        if (size_ == Capacity)
            return false;
        items_[size_++] = value;
        return true;
    }
    constexpr unsigned size() const { return size_; }
    constexpr const T &operator[](unsigned i) const { return items_[i]; }

    template <typename A, typename F>
    constexpr A fold(A initial, F f) const
    {
        for (unsigned i = 0; i < size_; ++i)
            initial = f(initial, items_[i]);
        return initial;
    }

private:
    T items_[Capacity] {};
    unsigned size_ = 0;
};

constexpr unsigned long long factorial(unsigned n) { return n <= 1 ? 1 : n * factorial(n - 1); }
static_assert(factorial(20) == 2432902008176640000ULL, "computed at compile time");

// Primes below N by a sieve, evaluated entirely by the compiler.
template <unsigned N>
constexpr unsigned count_primes()
{
    bool composite[N] {};
    unsigned count = 0;
    for (unsigned i = 2; i < N; ++i) {
        if (composite[i])
            continue;
        ++count;
        for (unsigned j = i * i; j < N; j += i)
            composite[j] = true;
    }
    return count;
}
constexpr unsigned primes_below_1000 = count_primes<1000>();
static_assert(primes_below_1000 == 168);

class Shape {
public:
    constexpr explicit Shape(const char *name) : name_(name) {}
    virtual unsigned long long area() const = 0;
    const char *name() const { return name_; }

protected:
    ~Shape() = default; // never deleted through a base pointer: no operator delete needed

private:
    const char *name_;
};

class Rectangle final : public Shape {
public:
    constexpr Rectangle(unsigned long long w, unsigned long long h) : Shape("rectangle"), w_(w), h_(h) {}
    unsigned long long area() const override { return w_ * h_; }

private:
    unsigned long long w_, h_;
};

class Square final : public Shape {
public:
    constexpr explicit Square(unsigned long long side) : Shape("square"), side_(side) {}
    unsigned long long area() const override { return side_ * side_; }

private:
    unsigned long long side_;
};

// A global whose constructor has a side effect the compiler cannot fold: it runs from .init_array.
class Registry {
public:
    Registry()
    {
        console_write("static constructor ran\n");
        constructed_ = 0xC0FFEE;
    }
    bool constructed() const { return constructed_ == 0xC0FFEE; }

private:
    volatile unsigned constructed_ = 0;
};

Registry registry;
Rectangle rectangle {6, 7};
Square square {12};

} // namespace

extern "C" {
// The C++ ABI hooks a freestanding program provides itself (Itanium C++ ABI 3.3.5, 3.2.6).
void *__dso_handle = nullptr;
int __cxa_atexit(void (*)(void *), void *, void *) { return 0; } // never exits: destructors never run
void __cxa_pure_virtual() { arch_fail(4); }
}

extern "C" int kmain(void)
{
    if (!registry.constructed()) {
        console_write("error: static constructors did not run\n");
        return 3;
    }
    StaticVector<const Shape *, 4> shapes;
    shapes.push(&rectangle);
    shapes.push(&square);
    auto total = shapes.fold(0ULL, [](unsigned long long sum, const Shape *s) { return sum + s->area(); });

    console_write("Hello from baremetal-cpp on ");
    console_write(arch_name);
    console_write("! areas ");
    for (unsigned i = 0; i < shapes.size(); ++i) {
        console_write(shapes[i]->name());
        console_write("=");
        console_write_u64(shapes[i]->area());
        console_write(" ");
    }
    console_write("sum = ");
    console_write_u64(total);
    console_write(", 20! = ");
    console_write_u64(factorial(20));
    console_write(", primes below 1000 = ");
    console_write_u64(primes_below_1000);
    console_write("\n");
    return 0;
}
