package io.jdig.field;

import io.jdig.event.Category;

/**
 * The category of each system call that sysdig 0.29 records as a generic event (PPM_SC numbering), one letter
 * per call: the letter's position in the alphabet is the position of the category in {@link #ORDER}.
 */
final class SyscallCategories {
    private static final Category[] ORDER = {Category.UNKNOWN, Category.OTHER, Category.FILE, Category.NET,
            Category.IPC, Category.MEMORY, Category.PROCESS, Category.SLEEP, Category.SYSTEM, Category.SIGNAL,
            Category.USER, Category.TIME, Category.PROCESSING, Category.IO_READ, Category.IO_WRITE,
            Category.IO_OTHER, Category.WAIT, Category.SCHEDULER, Category.INTERNAL};
    private static final String TABLE =
            "bignocccccclccccgcblcqlcpecccpelfgpqggecpgggiggllcccggicccccggccillibqiipiifiiigcigcqcpnog"
            + "pffffgggghggghcqgjjjjjjcggcgckkkkkkkkckkkkckkkkgffgccccccccccccjeggggppppppqqqcgllllllllhj"
            + "ceeeeeeiqiiiggeeeccccccccccccqqgggeeegqcjlelljeqpeenobbegbcgeddddddddddddddddddeeeeeeeeeec"
            + "cccgbjedcccccqjjjicjglcqccgejpppppppppppppppibbpppcccciicgg";

    private SyscallCategories() {
    }

    /** The category of a PPM_SC code, or null when out of range. */
    static Category of(int ppmSc) {
        if (ppmSc < 0 || ppmSc >= TABLE.length()) {
            return null;
        }
        return ORDER[TABLE.charAt(ppmSc) - 'a'];
    }
}
