/**
 * Komek's Mantine theme: a sober, dense back-office look — a state-blue primary colour, small controls,
 * compact tables — for people who work in it all day.
 */
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const stateBlue: MantineColorsTuple = ['#eaf2f8', '#d3e2ee', '#a5c3dc', '#74a3ca', '#4c88bb', '#3377b2', '#246eaf', '#145d9a', '#07528a', '#00457a'];

export const theme = createTheme({
  primaryColor: 'stateBlue',
  primaryShade: 8,
  colors: { stateBlue },
  fontFamily: '"Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: '"Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif', fontWeight: '600' },
  defaultRadius: 'sm',
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    PasswordInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
  },
});
