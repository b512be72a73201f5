/* The user FP/SIMD state of a thread (q0–q31, FPCR, FPSR: 528 bytes), saved and restored at each thread switch
 * (Scheduler.Switch): the kernel itself never touches those registers (it is built general-registers-only), but two
 * user threads share them. The kernel's own code generation has FP/SIMD off, so these two functions turn the
 * assembler's fp and simd extensions on for themselves. fpu_save(area), fpu_restore(area): area 16-byte aligned. */
    .arch_extension fp
    .arch_extension simd
    .text
    .globl fpu_save
    .type fpu_save, %function
fpu_save:
    stp q0, q1, [x0, #0]
    stp q2, q3, [x0, #32]
    stp q4, q5, [x0, #64]
    stp q6, q7, [x0, #96]
    stp q8, q9, [x0, #128]
    stp q10, q11, [x0, #160]
    stp q12, q13, [x0, #192]
    stp q14, q15, [x0, #224]
    stp q16, q17, [x0, #256]
    stp q18, q19, [x0, #288]
    stp q20, q21, [x0, #320]
    stp q22, q23, [x0, #352]
    stp q24, q25, [x0, #384]
    stp q26, q27, [x0, #416]
    stp q28, q29, [x0, #448]
    stp q30, q31, [x0, #480]
    mrs x1, fpcr
    mrs x2, fpsr
    add x3, x0, #512
    stp x1, x2, [x3]
    ret
    .size fpu_save, . - fpu_save

    .globl fpu_restore
    .type fpu_restore, %function
fpu_restore:
    ldp q0, q1, [x0, #0]
    ldp q2, q3, [x0, #32]
    ldp q4, q5, [x0, #64]
    ldp q6, q7, [x0, #96]
    ldp q8, q9, [x0, #128]
    ldp q10, q11, [x0, #160]
    ldp q12, q13, [x0, #192]
    ldp q14, q15, [x0, #224]
    ldp q16, q17, [x0, #256]
    ldp q18, q19, [x0, #288]
    ldp q20, q21, [x0, #320]
    ldp q22, q23, [x0, #352]
    ldp q24, q25, [x0, #384]
    ldp q26, q27, [x0, #416]
    ldp q28, q29, [x0, #448]
    ldp q30, q31, [x0, #480]
    add x3, x0, #512
    ldp x1, x2, [x3]
    msr fpcr, x1
    msr fpsr, x2
    ret
    .size fpu_restore, . - fpu_restore
    .section .note.GNU-stack, "", %progbits
